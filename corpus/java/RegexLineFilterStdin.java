import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams stdin with BufferedReader.readLine and runs three precompiled patterns per line,
 * reusing one Matcher each via reset(): a back-referenced doubled word, capitalised words and
 * line-final punctuation with a lookbehind. Only counters survive a line: memory is flat.
 */
public class RegexLineFilterStdin {
    static final Pattern DOUBLED = Pattern.compile("\\b(\\w+)\\s+\\1\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern CAPITAL = Pattern.compile("\\b[A-Z][a-z]{2,}\\b");
    static final Pattern ENDING = Pattern.compile("(?<=\\w)([.!?,])$");

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII), 1 << 15);
        Matcher doubled = DOUBLED.matcher(""), capital = CAPITAL.matcher(""), ending = ENDING.matcher("");
        long lines = 0, doubles = 0, capitals = 0, capLen = 0;
        long[] endings = new long[4];
        String longestDouble = "";
        String line;
        while ((line = in.readLine()) != null) {
            lines++;
            doubled.reset(line);
            while (doubled.find()) {
                doubles++;
                if (doubled.group(1).length() > longestDouble.length()) longestDouble = doubled.group(1);
            }
            capital.reset(line);
            while (capital.find()) { capitals++; capLen += capital.end() - capital.start(); }
            if (ending.reset(line).find()) endings[".!?,".indexOf(ending.group(1).charAt(0))]++;
        }
        System.out.println("lines " + lines + " doubled " + doubles + " (longest '" + longestDouble + "') capitals "
                + capitals + "/" + capLen + " endings " + java.util.Arrays.toString(endings));
    }
}
