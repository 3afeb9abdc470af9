import java.util.Random;

public class DpLcsTable {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        Random r = new Random(4);
        char[] a = new char[N], b = new char[N];
        for (int i = 0; i < N; i++) { a[i] = "ACGT".charAt(r.nextInt(4)); b[i] = "ACGT".charAt(r.nextInt(4)); }
        int[][] t = new int[N + 1][N + 1];
        for (int i = 1; i <= N; i++)
            for (int j = 1; j <= N; j++)
                t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
        // walk back to recover one subsequence
        StringBuilder sb = new StringBuilder();
        for (int i = N, j = N; i > 0 && j > 0;) {
            if (a[i - 1] == b[j - 1]) { sb.append(a[i - 1]); i--; j--; }
            else if (t[i - 1][j] >= t[i][j - 1]) i--;
            else j--;
        }
        System.out.println("lcs " + t[N][N] + " recovered " + sb.length());
    }
}
