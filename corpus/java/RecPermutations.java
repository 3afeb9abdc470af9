import java.util.ArrayList;
import java.util.List;

public class RecPermutations {
    static final int N = __SIZE__;
    static long count, hash;

    static void permute(List<Integer> prefix, boolean[] used) {
        if (prefix.size() == N) {
            count++;
            hash = hash * 31 + prefix.get(0) * 7 + prefix.get(N - 1);
            return;
        }
        for (int i = 0; i < N; i++) {
            if (used[i]) continue;
            used[i] = true;
            prefix.add(i);
            permute(prefix, used);
            prefix.remove(prefix.size() - 1);
            used[i] = false;
        }
    }

    public static void main(String[] args) {
        permute(new ArrayList<>(), new boolean[N]);
        System.out.println("permutations of " + N + ": " + count + " hash " + hash);
    }
}
