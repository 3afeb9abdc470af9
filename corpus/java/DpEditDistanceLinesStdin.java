import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads every stdin line into a List<String> (memory grows with the input), then computes the
 * Levenshtein distance between each line and the next and between each line and the one seven
 * further on, with a two-row int[] DP. Reports total distance and the most similar pair.
 */
public class DpEditDistanceLinesStdin {

    static int levenshtein(String a, String b, int[] prev, int[] cur) {
        int m = b.length();
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[m];
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = new BufferedReader(new InputStreamReader(System.in)).lines()
                .filter(s -> !s.isBlank())
                .collect(Collectors.toList());
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        int[] prev = new int[longest + 1], cur = new int[longest + 1];
        long total = 0, pairs = 0;
        double bestRatio = 2;
        int bestIndex = -1;
        for (int i = 0; i < lines.size(); i++) {
            for (int gap : new int[] {1, 7}) {
                if (i + gap >= lines.size()) continue;
                String a = lines.get(i), b = lines.get(i + gap);
                int d = levenshtein(a, b, prev, cur);
                total += d;
                pairs++;
                double ratio = (double) d / Math.max(1, Math.max(a.length(), b.length()));
                if (ratio < bestRatio) { bestRatio = ratio; bestIndex = i; }
            }
        }
        System.out.printf("lines=%d pairs=%d total=%d best=%d ratio=%.3f%n", lines.size(), pairs, total, bestIndex, bestRatio);
    }
}
