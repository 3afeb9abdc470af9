/**
 * Dominant eigenvalue of a random symmetric n x n float matrix by power iteration: the matrix is a
 * flat float[] (n^2 memory) filled by a blocked symmetric copy, each iteration is a row-major
 * matrix-vector product followed by normalisation; the Rayleigh quotient is reported.
 */
public class MatrixPowerIteration {

    record Config(int n, int iterations, int block) {}

    static float[] symmetric(int n, int block) {
        float[] m = new float[n * n];
        int s = 99991;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) {
                s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
                m[i * n + j] = (s & 0xFFFF) / 65536f;
            }
        for (int ib = 0; ib < n; ib += block)          // mirror the upper triangle block by block
            for (int jb = ib; jb < n; jb += block)
                for (int i = ib; i < Math.min(ib + block, n); i++)
                    for (int j = Math.max(jb, i + 1); j < Math.min(jb + block, n); j++)
                        m[j * n + i] = m[i * n + j];
        return m;
    }

    static void multiply(float[] m, float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            float acc = 0f;
            int base = i * n;
            for (int j = 0; j < n; j++) acc += m[base + j] * x[j];
            y[i] = acc;
        }
    }

    public static void main(String[] args) {
        Config cfg = new Config(__SIZE__, 30, 64);
        int n = cfg.n();
        float[] m = symmetric(n, cfg.block());
        float[] x = new float[n], y = new float[n];
        java.util.Arrays.fill(x, 1f / (float) Math.sqrt(n));
        double lambda = 0;
        for (int it = 0; it < cfg.iterations(); it++) {
            multiply(m, x, y, n);
            double dot = 0, norm = 0;
            for (int i = 0; i < n; i++) { dot += (double) x[i] * y[i]; norm += (double) y[i] * y[i]; }
            lambda = dot;
            float inv = (float) (1.0 / Math.sqrt(norm));
            for (int i = 0; i < n; i++) x[i] = y[i] * inv;
        }
        System.out.printf("n=%d lambda=%.4f x0=%.6f%n", n, lambda, x[0]);
    }
}
