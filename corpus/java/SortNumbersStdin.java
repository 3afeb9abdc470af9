import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Arrays;

public class SortNumbersStdin {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        long[] v = new long[1024];
        int n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            try {
                long x = Long.parseLong(line.trim());
                if (n == v.length) v = Arrays.copyOf(v, n * 2);
                v[n++] = x;
            } catch (NumberFormatException e) {
                // a truncated last line: skip it
            }
        }
        Arrays.sort(v, 0, n);
        long distinct = n > 0 ? 1 : 0;
        for (int i = 1; i < n; i++) if (v[i] != v[i - 1]) distinct++;
        System.out.println("count " + n + " distinct " + distinct + " median " + (n > 0 ? v[n / 2] : 0));
    }
}
