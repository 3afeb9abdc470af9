import java.util.Random;

public class MatrixMulDouble2D {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        Random r = new Random(1);
        double[][] a = new double[N][N], b = new double[N][N], c = new double[N][N];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) { a[i][j] = r.nextDouble(); b[i][j] = r.nextDouble(); }
        for (int i = 0; i < N; i++) {
            double[] ci = c[i], ai = a[i];
            for (int k = 0; k < N; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < N; j++) ci[j] += aik * bk[j];
            }
        }
        double tr = 0;
        for (int i = 0; i < N; i++) tr += c[i][i];
        System.out.printf("matmul %d trace %.4f%n", N, tr);
    }
}
