import java.util.ArrayDeque;

/**
 * Matrix-chain multiplication order: the classic O(n^3) interval DP over jagged long[][] cost and
 * int[][] split tables (n^2 memory), then the optimal parenthesisation is rebuilt with an explicit
 * ArrayDeque stack instead of recursion.
 */
public class DpMatrixChainOrder {
    static final int CHAIN = __SIZE__;

    record Span(int i, int j) {}

    public static void main(String[] args) {
        int n = CHAIN;
        int[] dims = new int[n + 1];
        long r = 7;
        for (int i = 0; i <= n; i++) { r = r * 48271 % 2147483647; dims[i] = 5 + (int) (r % 96); }
        long[][] cost = new long[n][n];
        int[][] split = new int[n][n];
        for (int len = 2; len <= n; len++) {
            for (int i = 0; i + len - 1 < n; i++) {
                int j = i + len - 1;
                long best = Long.MAX_VALUE;
                int bestK = i;
                long outer = (long) dims[i] * dims[j + 1];
                long[] row = cost[i];
                for (int k = i; k < j; k++) {
                    long c = row[k] + cost[k + 1][j] + outer * dims[k + 1];
                    if (c < best) { best = c; bestK = k; }
                }
                row[j] = best;
                split[i][j] = bestK;
            }
        }
        ArrayDeque<Span> stack = new ArrayDeque<>();
        stack.push(new Span(0, n - 1));
        int products = 0, maxDepthHint = 0;
        long signature = 0;
        while (!stack.isEmpty()) {
            Span s = stack.pop();
            if (s.i() == s.j()) continue;
            int k = split[s.i()][s.j()];
            products++;
            signature = signature * 1000003 + k;
            maxDepthHint = Math.max(maxDepthHint, stack.size());
            stack.push(new Span(s.i(), k));
            stack.push(new Span(k + 1, s.j()));
        }
        System.out.println("chain " + n + " cost " + cost[0][n - 1] + " products " + products
                + " stack " + maxDepthHint + " sig " + Long.toHexString(signature));
    }
}
