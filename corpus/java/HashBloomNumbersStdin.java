import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;

/**
 * Streams decimal integers from stdin through a hand-parsed byte buffer into a Bloom filter
 * (BitSet, murmur3 fmix64 double hashing). Constant memory apart from the fixed filter.
 */
public class HashBloomNumbersStdin {

    static final class Bloom {
        private final BitSet bits;
        private final int m, k;

        Bloom(int log2Bits, int k) { this.m = 1 << log2Bits; this.k = k; this.bits = new BitSet(m); }

        static long fmix64(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            return h;
        }

        /** Adds x and returns true when every probed bit was already set. */
        boolean addAndTest(long x) {
            long h1 = fmix64(x);
            long h2 = fmix64(h1 ^ 0x9e3779b97f4a7c15L) | 1;
            boolean seen = true;
            for (int i = 0; i < k; i++) {
                int idx = (int) ((h1 + i * h2) >>> 40) & (m - 1);
                if (!bits.get(idx)) { seen = false; bits.set(idx); }
            }
            return seen;
        }

        int cardinality() { return bits.cardinality(); }
    }

    public static void main(String[] args) throws IOException {
        InputStream in = System.in;
        byte[] buf = new byte[1 << 16];
        Bloom bloom = new Bloom(25, 6);
        boolean[] smallSeen = new boolean[1000];
        long count = 0, probableDup = 0, exactSmallDup = 0, xor = 0;
        long value = 0;
        boolean neg = false, inNum = false;
        int r;
        while (true) {
            r = in.read(buf);
            int end = Math.max(r, 0);
            for (int i = 0; i <= end; i++) {
                int c = i < end ? buf[i] : (r < 0 ? '\n' : -1);
                if (c == -1) break;
                if (c >= '0' && c <= '9') { value = value * 10 + (c - '0'); inNum = true; }
                else if (c == '-') neg = true;
                else {
                    if (inNum) {
                        long v = neg ? -value : value;
                        count++;
                        xor ^= Bloom.fmix64(v);
                        if (bloom.addAndTest(v)) probableDup++;
                        if (v >= 0 && v < 1000) {
                            if (smallSeen[(int) v]) exactSmallDup++;
                            smallSeen[(int) v] = true;
                        }
                    }
                    value = 0; neg = false; inNum = false;
                }
            }
            if (r < 0) break;
        }
        System.out.println("bloom numbers=" + count + " probableDup=" + probableDup + " smallDup=" + exactSmallDup
                + " bitsSet=" + bloom.cardinality() + " xor=" + Long.toHexString(xor));
    }
}
