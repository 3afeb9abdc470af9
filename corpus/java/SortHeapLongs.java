/**
 * Bottom-up heapsort of a long[] filled by a splitmix64 generator: the sift-down walks a hole to
 * the leaf level and then bubbles the saved value back up (Floyd's trick). Sorts in place, so the
 * only memory is the one array of n longs.
 */
public class SortHeapLongs {

    private static long state = 0x9E3779B97F4A7C15L;

    private static long splitmix() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void siftDown(long[] a, int root, int n) {
        long v = a[root];
        int hole = root;
        int child = 2 * hole + 1;
        while (child < n) {                       // descend to a leaf along the larger children
            if (child + 1 < n && a[child + 1] > a[child]) child++;
            a[hole] = a[child];
            hole = child;
            child = 2 * hole + 1;
        }
        while (hole > root) {                     // bubble v back up to its place
            int parent = (hole - 1) >>> 1;
            if (a[parent] >= v) break;
            a[hole] = a[parent];
            hole = parent;
        }
        a[hole] = v;
    }

    static void heapsort(long[] a) {
        int n = a.length;
        for (int i = n / 2 - 1; i >= 0; i--) siftDown(a, i, n);
        for (int end = n - 1; end > 0; end--) {
            long top = a[0];
            a[0] = a[end];
            a[end] = top;
            siftDown(a, 0, end);
        }
    }

    static long run(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = splitmix() >> 8;
        heapsort(a);
        long check = 0;
        for (int i = 1; i < n; i++) {
            if (a[i - 1] > a[i]) throw new IllegalStateException("unsorted at " + i);
            check = check * 31 + (a[i] >>> 40);
        }
        return check;
    }

    public static void main(String[] args) {
        long check = run(__SIZE__);
        System.out.println("heapsort checksum " + Long.toHexString(check));
    }
}
