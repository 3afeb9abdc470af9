import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Matrix product split into row bands, each a CompletableFuture on a 4-thread pool, results combined with thenCombine. */
public class MtCompletableMatrix {

    record Band(int from, int to, double trace, double sum) {}

    static Band multiplyBand(double[][] a, double[][] bt, double[][] c, int from, int to) {
        int n = a.length;
        double trace = 0, sum = 0;
        for (int i = from; i < to; i++) {
            double[] ai = a[i], ci = c[i];
            for (int j = 0; j < n; j++) {
                double[] bj = bt[j];
                double s = 0;
                for (int k = 0; k < n; k++) s += ai[k] * bj[k];
                ci[j] = s;
                sum += s;
                if (i == j) trace += s;
            }
        }
        return new Band(from, to, trace, sum);
    }

    public static void main(String[] args) {
        int order = __SIZE__;
        Random rnd = new Random(8086);
        double[][] a = new double[order][order], b = new double[order][order], bt = new double[order][order];
        for (int i = 0; i < order; i++)
            for (int j = 0; j < order; j++) { a[i][j] = rnd.nextDouble() - 0.5; b[i][j] = rnd.nextDouble() - 0.5; }
        for (int i = 0; i < order; i++)
            for (int j = 0; j < order; j++) bt[j][i] = b[i][j];
        double[][] c = new double[order][order];

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int bands = Math.min(order, 16);
            List<CompletableFuture<Band>> parts = new ArrayList<>();
            for (int k = 0; k < bands; k++) {
                int from = k * order / bands, to = (k + 1) * order / bands;
                parts.add(CompletableFuture.supplyAsync(() -> multiplyBand(a, bt, c, from, to), pool));
            }
            CompletableFuture<Band> total = parts.get(0);
            for (int k = 1; k < parts.size(); k++) {
                total = total.thenCombine(parts.get(k), (x, y) -> new Band(Math.min(x.from(), y.from()), Math.max(x.to(), y.to()),
                        x.trace() + y.trace(), x.sum() + y.sum()));
            }
            Band all = total.join();
            double frob = 0;
            for (double[] row : c) for (double v : row) frob += v * v;
            System.out.printf("matmul n=%d bands=%d rows=%d..%d trace=%.6f sum=%.6f frob=%.4f%n",
                    order, bands, all.from(), all.to(), all.trace(), all.sum(), Math.sqrt(frob));
        } finally {
            pool.shutdown();
        }
    }
}
