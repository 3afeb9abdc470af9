import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.HashSet;
import java.util.Set;

/**
 * Word-break DP: the dictionary is every distinct lower-case word of stdin; each line is
 * squashed (spaces and punctuation removed) and the number of ways to segment it is counted.
 */
public class DpWordBreakStdin {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        java.util.List<String> lines = new java.util.ArrayList<>();
        Set<String> dict = new HashSet<>();
        int maxWord = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            for (String w : line.toLowerCase().split("[^a-z]+")) {
                if (!w.isEmpty()) { dict.add(w); maxWord = Math.max(maxWord, w.length()); }
            }
        }
        final long MOD = 1_000_000_007L;
        long total = 0;
        int unbreakable = 0;
        long cells = 0;
        for (String l : lines) {
            String s = l.toLowerCase().replaceAll("[^a-z]", "");
            int n = s.length();
            long[] ways = new long[n + 1];
            ways[0] = 1;
            for (int i = 1; i <= n; i++) {
                long acc = 0;
                for (int k = 1; k <= Math.min(maxWord, i); k++) {
                    if (ways[i - k] != 0 && dict.contains(s.substring(i - k, i))) acc += ways[i - k];
                    cells++;
                }
                ways[i] = acc % MOD;
            }
            if (ways[n] == 0) unbreakable++;
            total = (total + ways[n]) % MOD;
        }
        System.out.println("wordbreak lines=" + lines.size() + " dict=" + dict.size() + " ways=" + total
                + " unbreakable=" + unbreakable + " cells=" + cells);
    }
}
