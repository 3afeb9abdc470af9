import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

public class SearchHashMapLookup {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        Random r = new Random(3);
        Map<String, Integer> index = new HashMap<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < N; i++) {
            int k = r.nextInt(N * 3);
            index.put("key-" + k, i);
            seen.add(k);
        }
        int found = 0;
        long sum = 0;
        for (int i = 0; i < N; i++) {
            Integer v = index.get("key-" + r.nextInt(N * 3));
            if (v != null) { found++; sum += v; }
        }
        System.out.println("map " + index.size() + " set " + seen.size() + " found " + found + " sum " + sum % 1000003);
    }
}
