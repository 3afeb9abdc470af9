import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RegexLogPattern {
    static final int N = __SIZE__;
    static final Pattern LINE = Pattern.compile(
            "^(?<ip>\\d+\\.\\d+\\.\\d+\\.\\d+) \\[(?<day>\\d{2})/Nov/2026\\] \"(?<method>GET|POST|DELETE) (?<path>/[\\w/]*)\" (?<status>\\d{3}) (?<bytes>\\d+)$");

    public static void main(String[] args) {
        Random r = new Random(14);
        String[] methods = {"GET", "POST", "DELETE"}, paths = {"/", "/api/v2/users", "/login", "/assets/app"};
        Map<String, Integer> perStatus = new TreeMap<>();
        long bytes = 0;
        for (int i = 0; i < N; i++) {
            String line = String.format("%d.%d.%d.%d [%02d/Nov/2026] \"%s %s\" %d %d", r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256),
                    1 + r.nextInt(28), methods[r.nextInt(3)], paths[r.nextInt(4)], new int[] {200, 301, 404, 500}[r.nextInt(4)], r.nextInt(50000));
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                perStatus.merge(m.group("status"), 1, Integer::sum);
                bytes += Long.parseLong(m.group("bytes"));
            }
        }
        System.out.println("lines " + N + " bytes " + bytes + " " + perStatus);
    }
}
