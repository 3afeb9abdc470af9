import java.util.stream.IntStream;

public class DpCoinChangeStreams {
    static final int TARGET = __SIZE__;
    static final int[] COINS = {1, 3, 7, 12, 25, 40, 99};

    public static void main(String[] args) {
        int[] min = new int[TARGET + 1];
        long[] ways = new long[TARGET + 1];
        ways[0] = 1;
        for (int amount = 1; amount <= TARGET; amount++) {
            final int a = amount;
            min[a] = IntStream.of(COINS).filter(c -> c <= a).map(c -> min[a - c] + 1).min().orElse(Integer.MAX_VALUE);
        }
        for (int c : COINS)
            for (int amount = c; amount <= TARGET; amount++) ways[amount] = (ways[amount] + ways[amount - c]) % 1_000_000_007L;
        long total = IntStream.rangeClosed(0, TARGET).mapToLong(i -> min[i]).sum();
        System.out.println("coins target " + TARGET + " min " + min[TARGET] + " ways " + ways[TARGET] + " total " + total);
    }
}
