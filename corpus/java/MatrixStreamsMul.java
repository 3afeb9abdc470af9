import java.util.Random;
import java.util.stream.IntStream;

public class MatrixStreamsMul {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        Random r = new Random(2);
        double[][] a = new double[N][N], b = new double[N][N];
        for (double[] row : a) for (int j = 0; j < N; j++) row[j] = r.nextDouble() - 0.5;
        for (double[] row : b) for (int j = 0; j < N; j++) row[j] = r.nextDouble() - 0.5;
        double[][] bt = IntStream.range(0, N).mapToObj(j -> IntStream.range(0, N).mapToDouble(i -> b[i][j]).toArray()).toArray(double[][]::new);
        double[][] c = IntStream.range(0, N)
                .mapToObj(i -> IntStream.range(0, N).mapToDouble(j -> IntStream.range(0, N).mapToDouble(k -> a[i][k] * bt[j][k]).sum()).toArray())
                .toArray(double[][]::new);
        double norm = Math.sqrt(IntStream.range(0, N).mapToDouble(i -> IntStream.range(0, N).mapToDouble(j -> c[i][j] * c[i][j]).sum()).sum());
        System.out.printf("stream matmul %d norm %.6f%n", N, norm);
    }
}
