import java.util.Arrays;
import java.util.Random;

/** Recursive Karatsuba multiplication on little-endian int[] limbs (base 10^4), checked modulo two primes. */
public class RecKaratsubaDigits {
    static final int DIGITS = __SIZE__;
    static final int BASE = 10_000;
    static final int CUTOFF = 24;

    /** Returns a*b for equal-length limb arrays (length n), result length 2n, un-normalised long carries resolved. */
    static long[] karatsuba(long[] a, long[] b) {
        int n = a.length;
        if (n <= CUTOFF) {
            long[] r = new long[2 * n];
            for (int i = 0; i < n; i++) {
                if (a[i] == 0) continue;
                for (int j = 0; j < n; j++) r[i + j] += a[i] * b[j];
            }
            return r;
        }
        int half = n / 2, hi = n - half;
        long[] a0 = Arrays.copyOfRange(a, 0, half), a1 = Arrays.copyOfRange(a, half, n);
        long[] b0 = Arrays.copyOfRange(b, 0, half), b1 = Arrays.copyOfRange(b, half, n);
        long[] as = new long[hi], bs = new long[hi];
        for (int i = 0; i < hi; i++) {
            as[i] = a1[i] + (i < half ? a0[i] : 0);
            bs[i] = b1[i] + (i < half ? b0[i] : 0);
        }
        long[] z0 = karatsuba(pad(a0, hi), pad(b0, hi));
        long[] z2 = karatsuba(a1, b1);
        long[] z1 = karatsuba(as, bs);
        long[] r = new long[2 * n];
        for (int i = 0; i < z1.length; i++) z1[i] -= z0[i] + z2[i];
        for (int i = 0; i < z0.length && i < r.length; i++) r[i] += z0[i];
        for (int i = 0; i < z1.length; i++) if (i + half < r.length) r[i + half] += z1[i];
        for (int i = 0; i < z2.length; i++) if (i + 2 * half < r.length) r[i + 2 * half] += z2[i];
        return r;
    }

    static long[] pad(long[] x, int len) {
        return x.length == len ? x : Arrays.copyOf(x, len);
    }

    static long[] normalise(long[] r) {
        long carry = 0;
        for (int i = 0; i < r.length; i++) {
            long v = r[i] + carry;
            carry = Math.floorDiv(v, BASE);
            r[i] = Math.floorMod(v, BASE);
        }
        return r;
    }

    static long modOf(long[] limbs, long p) {
        long m = 0;
        for (int i = limbs.length - 1; i >= 0; i--) m = (m * BASE + limbs[i]) % p;
        return m;
    }

    static long[] randomNumber(Random rnd, int limbs) {
        long[] x = new long[limbs];
        for (int i = 0; i < limbs; i++) x[i] = rnd.nextInt(BASE);
        x[limbs - 1] = 1 + rnd.nextInt(BASE - 1);
        return x;
    }

    public static void main(String[] args) {
        int limbs = (DIGITS + 3) / 4;
        Random rnd = new Random(1962);
        long[] a = randomNumber(rnd, limbs), b = randomNumber(rnd, limbs);
        long[] c = normalise(karatsuba(a, b));
        long p1 = 1_000_000_007L, p2 = 998_244_353L;
        boolean ok = modOf(c, p1) == modOf(a, p1) * modOf(b, p1) % p1
                && modOf(c, p2) == modOf(a, p2) * modOf(b, p2) % p2;
        int top = c.length - 1;
        while (top > 0 && c[top] == 0) top--;
        StringBuilder lead = new StringBuilder().append(c[top]);
        for (int i = top - 1; i >= Math.max(0, top - 3); i--) lead.append(String.format("%04d", c[i]));
        System.out.println("karatsuba digits=" + DIGITS + " productLimbs=" + (top + 1) + " lead=" + lead + " verified=" + ok);
    }
}
