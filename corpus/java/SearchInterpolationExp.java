import java.util.function.IntUnaryOperator;

/**
 * A sorted int[] table built from cumulative random gaps (no sort needed). Every query is answered
 * twice, by interpolation search and by exponential (galloping) search plus binary search, and the
 * two answers must agree. One int[] of n keys; queries are generated on the fly.
 */
public class SearchInterpolationExp {

    static final class Table {
        final int[] keys;

        Table(int n) {
            keys = new int[n];
            int x = 17, seed = 12345;
            for (int i = 0; i < n; i++) {
                seed = seed * 1103515245 + 12345;
                x += 1 + ((seed >>> 16) & 63);       // gaps 1..64, mostly uniform
                keys[i] = x;
            }
        }

        int interpolation(int key) {
            int lo = 0, hi = keys.length - 1;
            while (lo <= hi && key >= keys[lo] && key <= keys[hi]) {
                if (keys[hi] == keys[lo]) return keys[lo] == key ? lo : -1;
                int pos = lo + (int) ((long) (key - keys[lo]) * (hi - lo) / (keys[hi] - keys[lo]));
                if (keys[pos] == key) return pos;
                if (keys[pos] < key) lo = pos + 1; else hi = pos - 1;
            }
            return -1;
        }

        int galloping(int key, int start) {
            int n = keys.length;
            int bound = 1;
            int lo = start;
            if (keys[start] > key) {                  // gallop left
                while (start - bound >= 0 && keys[start - bound] > key) bound <<= 1;
                lo = Math.max(0, start - bound);
                return binary(key, lo, start - (bound >> 1));
            }
            while (start + bound < n && keys[start + bound] <= key) bound <<= 1;
            return binary(key, start + (bound >> 1), Math.min(n - 1, start + bound));
        }

        int binary(int key, int lo, int hi) {
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int v = keys[mid];
                if (v < key) lo = mid + 1;
                else if (v > key) hi = mid - 1;
                else return mid;
            }
            return -1;
        }
    }

    public static void main(String[] args) {
        Table t = new Table(__SIZE__);
        int n = t.keys.length;
        int span = t.keys[n - 1] - t.keys[0] + 1;
        IntUnaryOperator next = s -> s ^ (s << 13) ^ ((s ^ (s << 13)) >>> 17);
        int s = 0x2545F491;
        long found = 0, posSum = 0;
        int last = 0;
        for (int q = 0; q < n; q++) {
            s = next.applyAsInt(s);
            s ^= s << 5;
            int key = t.keys[0] + Integer.remainderUnsigned(s, span);
            int a = t.interpolation(key);
            int b = t.galloping(key, last);
            if (a != b) throw new IllegalStateException("mismatch for " + key + ": " + a + " vs " + b);
            if (a >= 0) { found++; posSum += a; last = a; }
        }
        System.out.println("queries " + n + " found " + found + " possum " + posSum);
    }
}
