import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

public class SortLinesStdin {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        List<String> lines = new ArrayList<>();
        for (String l = in.readLine(); l != null; l = in.readLine()) lines.add(l);
        lines.sort(Comparator.comparingInt(String::length).thenComparing(String.CASE_INSENSITIVE_ORDER));
        String first = lines.isEmpty() ? "" : lines.get(0), last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        System.out.println("lines " + lines.size() + " shortest " + first.length() + " longest " + last.length());
    }
}
