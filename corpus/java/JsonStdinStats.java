import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Streams through a JSON array from stdin with an index-based scanner; no library. */
public class JsonStdinStats {
    public static void main(String[] args) throws IOException {
        String s = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Integer> tags = new HashMap<>();
        long objects = 0;
        double scoreSum = 0;
        int i = 0, n = s.length();
        String lastKey = null;
        boolean inTags = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '{') { objects++; i++; }
            else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                String str = s.substring(i + 1, end);
                i = end + 1;
                while (i < n && s.charAt(i) == ' ') i++;
                if (i < n && s.charAt(i) == ':') lastKey = str;
                else if (inTags) tags.merge(str, 1, Integer::sum);
            } else if (c == '[') { inTags = "tags".equals(lastKey); i++; }
            else if (c == ']') { inTags = false; i++; }
            else if (c == '-' || Character.isDigit(c)) {
                int st = i;
                while (i < n && "-+.eE0123456789".indexOf(s.charAt(i)) >= 0) i++;
                if ("score".equals(lastKey)) scoreSum += Double.parseDouble(s.substring(st, i));
            } else i++;
        }
        System.out.printf("objects %d mean score %.4f distinct tags %d%n", objects, objects > 0 ? scoreSum / objects : 0.0, tags.size());
    }
}
