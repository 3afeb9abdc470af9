import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RegexStdinScan {
    public static void main(String[] args) throws IOException {
        String text = new String(System.in.readAllBytes(), StandardCharsets.ISO_8859_1);
        Matcher words = Pattern.compile("[A-Za-z]+").matcher(text);
        long nwords = 0;
        while (words.find()) nwords++;
        long caps = Pattern.compile("\\b[A-Z][a-z]+\\b").matcher(text).results().count();
        long doubled = Pattern.compile("\\b(\\w+) \\1\\b").matcher(text).results().count();
        String squashed = text.replaceAll("\\s+", " ");
        System.out.println("words " + nwords + " caps " + caps + " doubled " + doubled + " len " + squashed.length());
    }
}
