import java.util.Random;
import java.util.regex.Pattern;

public class RegexSplitReplace {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        Random r = new Random(15);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < N; i++) {
            csv.append(i).append(';').append(r.nextBoolean() ? "  alpha " : "beta").append(" ; ")
               .append(r.nextInt(1000)).append('.').append(r.nextInt(100)).append(";2026-").append(1 + r.nextInt(12)).append('-').append(1 + r.nextInt(28)).append('\n');
        }
        Pattern sep = Pattern.compile("\\s*;\\s*");
        Pattern date = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
        long alpha = 0;
        double total = 0;
        StringBuilder iso = new StringBuilder();
        for (String line : csv.toString().split("\n")) {
            String[] f = sep.split(line.trim());
            if (f[1].equals("alpha")) alpha++;
            total += Double.parseDouble(f[2]);
            iso.append(date.matcher(f[3]).replaceAll("$3/$2/$1")).append(',');
        }
        System.out.printf("rows %d alpha %d total %.2f iso %d%n", N, alpha, total, iso.length());
    }
}
