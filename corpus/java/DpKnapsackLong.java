import java.util.Random;

public class DpKnapsackLong {
    static final int ITEMS = __SIZE__;

    public static void main(String[] args) {
        int cap = ITEMS * 30;
        Random r = new Random(13);
        long[] best = new long[cap + 1];
        for (int i = 0; i < ITEMS; i++) {
            int w = 1 + r.nextInt(60);
            long v = 1 + r.nextInt(1000);
            for (int c = cap; c >= w; c--) best[c] = Math.max(best[c], best[c - w] + v);
        }
        System.out.println("knapsack items " + ITEMS + " capacity " + cap + " best " + best[cap]);
    }
}
