import java.util.SplittableRandom;

/** LSD radix sort of signed 64-bit keys, 16 bits per pass, with a ping-pong buffer. */
public class SortRadixLsdLongs {
    static final int N = __SIZE__;
    static final int BITS = 16;
    static final int BUCKETS = 1 << BITS;

    static void radixSort(long[] a) {
        long[] buf = new long[a.length];
        int[] count = new int[BUCKETS + 1];
        long[] src = a, dst = buf;
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            final boolean top = shift == 64 - BITS;
            for (long v : src) {
                int d = (int) ((v >>> shift) & (BUCKETS - 1));
                if (top) d ^= 0x8000;          // flip sign bit so negatives come first
                count[d + 1]++;
            }
            for (int i = 0; i < BUCKETS; i++) count[i + 1] += count[i];
            for (long v : src) {
                int d = (int) ((v >>> shift) & (BUCKETS - 1));
                if (top) d ^= 0x8000;
                dst[count[d]++] = v;
            }
            long[] t = src; src = dst; dst = t;
        }
        if (src != a) System.arraycopy(src, 0, a, 0, a.length);
    }

    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(0x5eedL);
        long[] keys = new long[N];
        for (int i = 0; i < N; i++) {
            keys[i] = (i % 7 == 0) ? rnd.nextLong(-1000, 1000) : rnd.nextLong();
        }
        radixSort(keys);
        boolean ok = true;
        long mix = 0;
        for (int i = 0; i < N; i++) {
            if (i > 0 && keys[i - 1] > keys[i]) ok = false;
            mix = mix * 31 + (keys[i] >>> 40);
        }
        System.out.println("radix sorted " + N + " ok=" + ok + " min=" + keys[0] + " mix=" + Long.toHexString(mix));
    }
}
