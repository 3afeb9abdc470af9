import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

public class MtForkJoinSort {
    static final int N = __SIZE__;

    static final class SortTask extends RecursiveAction {
        final int[] a, tmp;
        final int lo, hi;

        SortTask(int[] a, int[] tmp, int lo, int hi) { this.a = a; this.tmp = tmp; this.lo = lo; this.hi = hi; }

        @Override
        protected void compute() {
            if (hi - lo < 8192) { Arrays.sort(a, lo, hi); return; }
            int mid = (lo + hi) >>> 1;
            invokeAll(new SortTask(a, tmp, lo, mid), new SortTask(a, tmp, mid, hi));
            System.arraycopy(a, lo, tmp, lo, hi - lo);
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi) a[k++] = tmp[i] <= tmp[j] ? tmp[i++] : tmp[j++];
            while (i < mid) a[k++] = tmp[i++];
            while (j < hi) a[k++] = tmp[j++];
        }
    }

    public static void main(String[] args) {
        int[] a = new SplittableRandom(9).ints(N).toArray();
        new ForkJoinPool(2).invoke(new SortTask(a, new int[N], 0, N));
        boolean ok = true;
        for (int i = 1; i < N; i++) if (a[i - 1] > a[i]) { ok = false; break; }
        System.out.println("fork-join sorted " + N + " ok " + ok);
    }
}
