public class SortQuickPrimitive {
    static final int N = __SIZE__;

    static void quicksort(int[] a, int lo, int hi) {
        while (lo < hi) {
            int p = a[lo + (hi - lo) / 2], i = lo, j = hi;
            while (i <= j) {
                while (a[i] < p) i++;
                while (a[j] > p) j--;
                if (i <= j) {
                    int t = a[i]; a[i] = a[j]; a[j] = t;
                    i++; j--;
                }
            }
            // recurse into the smaller half, loop on the larger
            if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
            else { quicksort(a, i, hi); hi = j; }
        }
    }

    public static void main(String[] args) {
        int[] a = new int[N];
        long s = 12345;
        for (int i = 0; i < N; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            a[i] = (int) (s >>> 33);
        }
        quicksort(a, 0, N - 1);
        boolean ok = true;
        for (int i = 1; i < N; i++) if (a[i - 1] > a[i]) { ok = false; break; }
        System.out.println("quicksort " + N + " ok=" + ok + " median=" + a[N / 2]);
    }
}
