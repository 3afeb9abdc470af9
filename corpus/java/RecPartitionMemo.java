import java.util.HashMap;
import java.util.Map;

/**
 * Integer partition counts p(n, k) (partitions of n into parts of size at most k) by plain
 * recursion memoised in a HashMap<Long, Long> keyed by n<<32|k: boxed keys and values, one map
 * entry per reachable state (about n^2/2 of them), recursion depth up to 2n on a big-stack thread.
 */
public class RecPartitionMemo {
    static final int TARGET = __SIZE__;
    static final long MOD = 1_000_000_007L;
    static final Map<Long, Long> memo = new HashMap<>();
    static int maxDepth;

    static long partitions(int n, int k, int depth) {
        if (n == 0) return 1;
        if (n < 0 || k == 0) return 0;
        if (k > n) k = n;
        Long key = ((long) n << 32) | k;
        Long hit = memo.get(key);
        if (hit != null) return hit;
        if (depth > maxDepth) maxDepth = depth;
        long v = (partitions(n, k - 1, depth + 1) + partitions(n - k, k, depth + 1)) % MOD;
        memo.put(key, v);
        return v;
    }

    public static void main(String[] args) throws InterruptedException {
        long[] result = new long[2];
        Thread t = new Thread(null, () -> {
            // warm up the table bottom-up by target so the recursion depth stays bounded
            for (int m = 1; m <= TARGET; m++) result[1] = (result[1] + partitions(m, m, 0)) % MOD;
            result[0] = partitions(TARGET, TARGET, 0);
        }, "partition", 256L << 20);
        t.start();
        t.join();
        System.out.println("p(" + TARGET + ") mod 1e9+7 = " + result[0] + " prefix " + result[1]
                + " states " + memo.size() + " depth " + maxDepth);
    }
}
