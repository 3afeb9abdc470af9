import java.util.Random;

public class StringManacher {
    static final int N = __SIZE__;

    static int longestPalindrome(String s) {
        char[] t = new char[2 * s.length() + 3];
        t[0] = '^';
        int k = 1;
        for (char c : s.toCharArray()) { t[k++] = '#'; t[k++] = c; }
        t[k++] = '#';
        t[k] = '$';
        int[] p = new int[t.length];
        int center = 0, right = 0, best = 0;
        for (int i = 1; i < t.length - 1; i++) {
            if (i < right) p[i] = Math.min(right - i, p[2 * center - i]);
            while (t[i + 1 + p[i]] == t[i - 1 - p[i]]) p[i]++;
            if (i + p[i] > right) { center = i; right = i + p[i]; }
            best = Math.max(best, p[i]);
        }
        return best;
    }

    public static void main(String[] args) {
        Random r = new Random(6);
        StringBuilder sb = new StringBuilder(N);
        for (int i = 0; i < N; i++) sb.append((char) ('a' + r.nextInt(2)));
        int total = 0;
        String s = sb.toString();
        for (int rep = 0; rep < 5; rep++) total += longestPalindrome(rep == 0 ? s : s.substring(rep));
        System.out.println("manacher " + N + " longest sum " + total);
    }
}
