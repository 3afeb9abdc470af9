import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/** Suffix array by prefix doubling with a boxed Integer[] and Comparator, then Kasai LCP. */
public class StringSuffixArrayDoubling {
    static final int LEN = __SIZE__;

    public static void main(String[] args) {
        Random rnd = new Random(2718);
        StringBuilder sb = new StringBuilder(LEN);
        String[] motifs = {"abra", "cad", "abracadabra", "banana", "na", "mississippi"};
        while (sb.length() < LEN) {
            if (rnd.nextInt(3) == 0) sb.append((char) ('a' + rnd.nextInt(6)));
            else sb.append(motifs[rnd.nextInt(motifs.length)]);
        }
        sb.setLength(LEN);
        String s = sb.toString();
        int n = s.length();

        Integer[] sa = new Integer[n];
        int[] rank = new int[n], tmp = new int[n];
        for (int i = 0; i < n; i++) { sa[i] = i; rank[i] = s.charAt(i); }
        for (int k = 1; ; k <<= 1) {
            final int step = k;
            final int[] r = rank;
            Comparator<Integer> cmp = Comparator.<Integer>comparingInt(i -> r[i])
                    .thenComparingInt(i -> i + step < n ? r[i + step] : -1);
            Arrays.sort(sa, cmp);
            tmp[sa[0]] = 0;
            for (int i = 1; i < n; i++) tmp[sa[i]] = tmp[sa[i - 1]] + (cmp.compare(sa[i - 1], sa[i]) < 0 ? 1 : 0);
            System.arraycopy(tmp, 0, rank, 0, n);
            if (rank[sa[n - 1]] == n - 1 || step >= n) break;
        }

        int[] lcp = new int[n];
        int h = 0;
        for (int i = 0; i < n; i++) {
            if (rank[i] > 0) {
                int j = sa[rank[i] - 1];
                while (i + h < n && j + h < n && s.charAt(i + h) == s.charAt(j + h)) h++;
                lcp[rank[i]] = h;
                if (h > 0) h--;
            } else {
                h = 0;
            }
        }
        long distinct = (long) n * (n + 1) / 2;
        int longest = 0, at = 0;
        for (int i = 1; i < n; i++) {
            distinct -= lcp[i];
            if (lcp[i] > longest) { longest = lcp[i]; at = sa[i]; }
        }
        String rep = s.substring(at, at + Math.min(longest, 12));
        System.out.println("suffix array n=" + n + " distinct=" + distinct + " longestRepeat=" + longest + " starts=" + rep);
    }
}
