/**
 * Pattern counting in a generated DNA-like char[] text two ways: the Z-function over
 * pattern + '#' + text (an int[] as long as the text) and Boyer-Moore-Horspool with a 128-entry
 * shift table. Both counts must match for each of five patterns.
 */
public class StringZHorspool {
    static int textLength = __SIZE__;

    static char[] makeText(int n) {
        char[] alphabet = {'A', 'C', 'G', 'T'};
        char[] t = new char[n];
        long s = 88172645463325252L;
        for (int i = 0; i < n; i++) {
            s ^= s << 13; s ^= s >>> 7; s ^= s << 17;
            // mild repetitiveness: copy from 7 back a quarter of the time
            t[i] = (i > 7 && (s & 3) == 0) ? t[i - 7] : alphabet[(int) ((s >>> 20) & 3)];
        }
        return t;
    }

    static int zCount(char[] pattern, char[] text) {
        int m = pattern.length, n = m + 1 + text.length;
        char[] s = new char[n];
        System.arraycopy(pattern, 0, s, 0, m);
        s[m] = '#';
        System.arraycopy(text, 0, s, m + 1, text.length);
        int[] z = new int[n];
        int l = 0, r = 0, count = 0;
        for (int i = 1; i < n; i++) {
            if (i < r) z[i] = Math.min(r - i, z[i - l]);
            while (i + z[i] < n && s[z[i]] == s[i + z[i]]) z[i]++;
            if (i + z[i] > r) { l = i; r = i + z[i]; }
            if (z[i] >= m) count++;
        }
        return count;
    }

    static int horspoolCount(char[] p, char[] t) {
        int m = p.length;
        int[] shift = new int[128];
        java.util.Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) shift[p[i]] = m - 1 - i;
        int count = 0;
        for (int pos = 0; pos + m <= t.length; pos += shift[t[pos + m - 1]]) {
            int j = m - 1;
            while (j >= 0 && t[pos + j] == p[j]) j--;
            if (j < 0) count++;
        }
        return count;
    }

    public static void main(String[] args) {
        char[] text = makeText(textLength);
        String[] patterns = {"ACGT", "GATTACA", "TTTTT", "CAGCAGCAG", "ACGTACGTTGCA"};
        long total = 0;
        StringBuilder out = new StringBuilder();
        for (String p : patterns) {
            int a = zCount(p.toCharArray(), text);
            int b = horspoolCount(p.toCharArray(), text);
            if (a != b) throw new IllegalStateException(p + ": z " + a + " horspool " + b);
            total += a;
            out.append(p).append('=').append(a).append(' ');
        }
        System.out.println(out.append("total=").append(total));
    }
}
