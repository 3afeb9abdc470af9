import java.util.Random;

public class MatrixGaussJordan {
    static final int N = __SIZE__;

    /** Inverts m in place with Gauss-Jordan elimination; returns log|det|. */
    static double invert(double[][] m) {
        int n = m.length;
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) inv[i][i] = 1;
        double logdet = 0;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
            double[] t = m[col]; m[col] = m[piv]; m[piv] = t;
            t = inv[col]; inv[col] = inv[piv]; inv[piv] = t;
            double p = m[col][col];
            logdet += Math.log(Math.abs(p));
            for (int j = 0; j < n; j++) { m[col][j] /= p; inv[col][j] /= p; }
            for (int r = 0; r < n; r++) {
                if (r == col) continue;
                double f = m[r][col];
                if (f == 0) continue;
                for (int j = 0; j < n; j++) { m[r][j] -= f * m[col][j]; inv[r][j] -= f * inv[col][j]; }
            }
        }
        for (int i = 0; i < n; i++) m[i] = inv[i];
        return logdet;
    }

    public static void main(String[] args) {
        Random r = new Random(31);
        double[][] m = new double[N][N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) m[i][j] = r.nextDouble() + (i == j ? 2 : 0);
        double logdet = invert(m);
        System.out.printf("gauss-jordan %d log|det| %.6f inv[0][0] %.6f%n", N, logdet, m[0][0]);
    }
}
