import java.util.stream.LongStream;

public class MtParallelStreamSum {
    static final long N = __SIZE__L;

    public static void main(String[] args) {
        long sumSq = LongStream.range(0, N).parallel().map(i -> (i * i) % 1_000_003L).sum();
        long collatzMax = LongStream.range(1, N / 50 + 2).parallel().map(n -> {
            long steps = 0;
            while (n != 1) { n = (n & 1) == 0 ? n >> 1 : 3 * n + 1; steps++; }
            return steps;
        }).max().getAsLong();
        System.out.println("parallel sum " + sumSq + " longest collatz " + collatzMax);
    }
}
