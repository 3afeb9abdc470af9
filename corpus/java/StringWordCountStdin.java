import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

public class StringWordCountStdin {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.ISO_8859_1));
        Map<String, Integer> counts = new HashMap<>();
        long words = 0, lines = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lines++;
            for (String w : line.split("\\s+")) {
                if (w.isEmpty()) continue;
                words++;
                counts.merge(w.toLowerCase().replaceAll("[.,!?]", ""), 1, Integer::sum);
            }
        }
        String top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        System.out.println("lines " + lines + " words " + words + " distinct " + counts.size() + " top " + top);
    }
}
