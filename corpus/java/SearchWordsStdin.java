import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

public class SearchWordsStdin {
    public static void main(String[] args) throws IOException {
        String text = new String(System.in.readAllBytes(), StandardCharsets.ISO_8859_1);
        TreeSet<String> words = new TreeSet<>();
        for (String w : text.split("[^A-Za-z]+")) if (!w.isEmpty()) words.add(w.toLowerCase());
        long prefixHits = 0;
        for (String w : words) {
            String p = w.substring(0, Math.min(3, w.length()));
            prefixHits += words.subSet(p, p + Character.MAX_VALUE).size() > 1 ? 1 : 0;
        }
        System.out.println("distinct " + words.size() + " sharing a prefix " + prefixHits + " first " + (words.isEmpty() ? "" : words.first()));
    }
}
