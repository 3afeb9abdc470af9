import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Regex-driven lexer: one alternation Pattern with named groups, Matcher.region + lookingAt over generated source lines. */
public class RegexTokenLexer {

    enum Kind { NUMBER, IDENT, STRING, OP, SPACE, COMMENT }

    private static final Pattern TOKEN = Pattern.compile(
            "(?<NUMBER>\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)"
            + "|(?<IDENT>[A-Za-z_][A-Za-z0-9_]*)"
            + "|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\")"
            + "|(?<COMMENT>//.*)"
            + "|(?<OP>==|!=|<=|>=|&&|\\|\\||[-+*/%=<>!(){};,.])"
            + "|(?<SPACE>[ \\t]+)");

    private static final Pattern KEYWORD = Pattern.compile("if|else|while|return|let|fn");

    static String genLine(Random r) {
        String[] ids = {"alpha", "beta_2", "count", "x", "y", "total", "fn", "let", "idx", "value"};
        StringBuilder sb = new StringBuilder();
        int parts = 4 + r.nextInt(10);
        sb.append(r.nextBoolean() ? "let " : "if (");
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(6)) {
                case 0 -> sb.append(r.nextInt(100000));
                case 1 -> sb.append(r.nextInt(1000)).append('.').append(r.nextInt(100)).append("e-").append(r.nextInt(9));
                case 2 -> sb.append('"').append(ids[r.nextInt(ids.length)]).append("\\\"q\"");
                default -> sb.append(ids[r.nextInt(ids.length)]);
            }
            sb.append(' ').append(new String[] {"+", "==", "&&", "*", "<=", ","}[r.nextInt(6)]).append(' ');
        }
        sb.append("0;");
        if (r.nextInt(4) == 0) sb.append(" // note ").append(r.nextInt(50));
        return sb.toString();
    }

    public static void main(String[] args) {
        final int lines = __SIZE__;
        Random r = new Random(77);
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        long keywords = 0, numericSum = 0, errors = 0;
        Matcher m = TOKEN.matcher("");
        Matcher kw = KEYWORD.matcher("");
        for (int li = 0; li < lines; li++) {
            String src = genLine(r);
            m.reset(src);
            int pos = 0;
            while (pos < src.length()) {
                m.region(pos, src.length());
                if (!m.lookingAt()) { errors++; pos++; continue; }
                for (Kind k : Kind.values()) {
                    String text = m.group(k.name());
                    if (text != null) {
                        counts.merge(k, 1L, Long::sum);
                        if (k == Kind.IDENT && kw.reset(text).matches()) keywords++;
                        if (k == Kind.NUMBER && text.indexOf('.') < 0) numericSum += Long.parseLong(text) % 1000;
                        break;
                    }
                }
                pos = m.end();
            }
        }
        System.out.println("lexed lines=" + lines + " tokens=" + counts + " keywords=" + keywords
                + " numsum=" + numericSum + " errors=" + errors);
    }
}
