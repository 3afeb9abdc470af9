import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class MtExecutorPrimes {
    static final int LIMIT = __SIZE__;
    static final int THREADS = 4;

    static long countPrimes(int lo, int hi) {
        long c = 0;
        for (int n = Math.max(2, lo); n < hi; n++) {
            boolean p = true;
            for (int d = 2; (long) d * d <= n; d++) if (n % d == 0) { p = false; break; }
            if (p) c++;
        }
        return c;
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Long>> parts = new ArrayList<>();
        int chunk = LIMIT / 16 + 1;
        for (int lo = 0; lo < LIMIT; lo += chunk) {
            final int a = lo, b = Math.min(LIMIT, lo + chunk);
            parts.add(pool.submit(() -> countPrimes(a, b)));
        }
        long total = 0;
        for (Future<Long> f : parts) total += f.get();
        pool.shutdown();
        System.out.println("primes below " + LIMIT + ": " + total);
    }
}
