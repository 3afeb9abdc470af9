import java.util.Arrays;
import java.util.SplittableRandom;

public class SearchBinaryArrays {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        SplittableRandom r = new SplittableRandom(5);
        long[] keys = r.longs(N, 0, N * 8L).toArray();
        Arrays.sort(keys);
        long hits = 0, posSum = 0;
        for (int q = 0; q < 4 * N; q++) {
            int i = Arrays.binarySearch(keys, r.nextLong(N * 8L));
            if (i >= 0) hits++;
            else posSum += -i - 1;
        }
        System.out.println("binary searches " + 4L * N + " hits " + hits + " pos " + posSum % 1000003);
    }
}
