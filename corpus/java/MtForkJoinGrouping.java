import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A parallel LongStream run inside a dedicated ForkJoinPool(3): each index is hashed into a
 * synthetic "user id" and a digit-sum value, then collected with groupingByConcurrent into a
 * ConcurrentHashMap of at most 4096 LongSummaryStatistics buckets. Memory stays flat in ITEMS.
 */
public class MtForkJoinGrouping {
    static final long ITEMS = __SIZE__L;

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    static int digitSum(long v) {
        int s = 0;
        for (v = Math.abs(v % 1_000_000_000L); v > 0; v /= 10) s += (int) (v % 10);
        return s;
    }

    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            ConcurrentMap<Integer, java.util.LongSummaryStatistics> groups = pool.submit(() ->
                    LongStream.range(0, ITEMS).parallel()
                            .map(MtForkJoinGrouping::mix)
                            .boxed()
                            .collect(Collectors.groupingByConcurrent(h -> (int) (h & 4095),
                                    Collectors.summarizingLong(MtForkJoinGrouping::digitSum)))).get();
            long total = 0, checksum = 0;
            int maxBucket = 0;
            for (Map.Entry<Integer, java.util.LongSummaryStatistics> e : groups.entrySet()) {
                total += e.getValue().getCount();
                checksum += e.getValue().getSum() * (e.getKey() + 1);
                maxBucket = (int) Math.max(maxBucket, e.getValue().getCount());
            }
            System.out.println("items " + total + " buckets " + groups.size() + " max " + maxBucket + " checksum " + checksum);
        } finally {
            pool.shutdown();
        }
    }
}
