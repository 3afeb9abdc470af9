import java.util.Random;

/** LU decomposition with partial pivoting on a flat row-major double[], then forward/back substitution. */
public class MatrixLuSolveFlat {

    static int[] decompose(double[] a, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[i * n + k]);
                if (v > best) { best = v; p = i; }
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = a[k * n + j]; a[k * n + j] = a[p * n + j]; a[p * n + j] = t;
                }
                int t = perm[k]; perm[k] = perm[p]; perm[p] = t;
            }
            double pivot = a[k * n + k];
            for (int i = k + 1; i < n; i++) {
                int ri = i * n;
                double f = a[ri + k] / pivot;
                a[ri + k] = f;
                int rk = k * n;
                for (int j = k + 1; j < n; j++) a[ri + j] -= f * a[rk + j];
            }
        }
        return perm;
    }

    static double[] solve(double[] lu, int[] perm, double[] b, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[perm[i]];
            for (int j = 0; j < i; j++) s -= lu[i * n + j] * y[j];
            y[i] = s;
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int j = i + 1; j < n; j++) s -= lu[i * n + j] * x[j];
            x[i] = s / lu[i * n + i];
        }
        return x;
    }

    public static void main(String[] args) {
        int n = __SIZE__;
        Random rnd = new Random(31337);
        double[] a = new double[n * n];
        for (int i = 0; i < n * n; i++) a[i] = rnd.nextDouble() * 2 - 1;
        for (int i = 0; i < n; i++) a[i * n + i] += n * 0.1;
        double[] orig = a.clone();
        double[] xTrue = new double[n];
        for (int i = 0; i < n; i++) xTrue[i] = Math.sin(i * 0.37);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += orig[i * n + j] * xTrue[j];
            b[i] = s;
        }
        int[] perm = decompose(a, n);
        double[] x = solve(a, perm, b, n);
        double err = 0, logDet = 0;
        for (int i = 0; i < n; i++) {
            err = Math.max(err, Math.abs(x[i] - xTrue[i]));
            logDet += Math.log(Math.abs(a[i * n + i]));
        }
        System.out.printf("lu n=%d maxerr=%.3e logdet=%.6f%n", n, err, logDet);
    }
}
