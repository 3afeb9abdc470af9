import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** JSON document model as a sealed interface of records; recursive serialiser and recursive-descent parser, round trip compared with equals(). */
public class JsonSealedRoundTrip {

    sealed interface JsonValue permits JNull, JBool, JNum, JStr, JArr, JObj {}
    record JNull() implements JsonValue {}
    record JBool(boolean value) implements JsonValue {}
    record JNum(long value) implements JsonValue {}
    record JStr(String value) implements JsonValue {}
    record JArr(List<JsonValue> items) implements JsonValue {}
    record JObj(Map<String, JsonValue> fields) implements JsonValue {}

    record Config(int items) {}

    static void write(JsonValue v, StringBuilder sb) {
        if (v instanceof JNull) sb.append("null");
        else if (v instanceof JBool b) sb.append(b.value());
        else if (v instanceof JNum n) sb.append(n.value());
        else if (v instanceof JStr s) {
            sb.append('"');
            for (char c : s.value().toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                    }
                }
            }
            sb.append('"');
        } else if (v instanceof JArr a) {
            sb.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) sb.append(',');
                write(a.items().get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof JObj o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> e : o.fields().entrySet()) {
                if (!first) sb.append(',');
                first = false;
                write(new JStr(e.getKey()), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        }
    }

    static final class Parser {
        private final String s;
        private int i;

        Parser(String s) { this.s = s; }

        JsonValue parse() {
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, JsonValue> m = new LinkedHashMap<>();
                    if (s.charAt(i) == '}') { i++; return new JObj(m); }
                    while (true) {
                        String key = ((JStr) parse()).value();
                        i++; // ':'
                        m.put(key, parse());
                        if (s.charAt(i++) == '}') return new JObj(m);
                    }
                }
                case '[': {
                    i++;
                    List<JsonValue> l = new ArrayList<>();
                    if (s.charAt(i) == ']') { i++; return new JArr(l); }
                    while (true) {
                        l.add(parse());
                        if (s.charAt(i++) == ']') return new JArr(l);
                    }
                }
                case '"': {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while ((c = s.charAt(i++)) != '"') {
                        if (c == '\\') {
                            char e = s.charAt(i++);
                            switch (e) {
                                case 'n': sb.append('\n'); break;
                                case 't': sb.append('\t'); break;
                                case 'u': sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                                default: sb.append(e);
                            }
                        } else sb.append(c);
                    }
                    return new JStr(sb.toString());
                }
                case 't': i += 4; return new JBool(true);
                case 'f': i += 5; return new JBool(false);
                case 'n': i += 4; return new JNull();
                default: {
                    int st = i;
                    while (i < s.length() && (s.charAt(i) == '-' || Character.isDigit(s.charAt(i)))) i++;
                    return new JNum(Long.parseLong(s.substring(st, i)));
                }
            }
        }
    }

    static JsonValue randomValue(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(4) : r.nextInt(6);
        return switch (kind) {
            case 0 -> new JNull();
            case 1 -> new JBool(r.nextBoolean());
            case 2 -> new JNum(r.nextLong() >> r.nextInt(60));
            case 3 -> new JStr("s" + r.nextInt(10000) + (r.nextInt(5) == 0 ? "\"q\"\t\u00e9\n" : ""));
            case 4 -> {
                List<JsonValue> l = new ArrayList<>();
                for (int k = r.nextInt(5); k > 0; k--) l.add(randomValue(r, depth + 1));
                yield new JArr(l);
            }
            default -> {
                Map<String, JsonValue> m = new LinkedHashMap<>();
                for (int k = r.nextInt(5); k > 0; k--) m.put("k" + r.nextInt(50), randomValue(r, depth + 1));
                yield new JObj(m);
            }
        };
    }

    public static void main(String[] args) {
        Config cfg = new Config(__SIZE__);
        Random r = new Random(6502);
        List<JsonValue> items = new ArrayList<>();
        for (int i = 0; i < cfg.items(); i++) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("id", new JNum(i));
            m.put("payload", randomValue(r, 0));
            m.put("meta", randomValue(r, 1));
            items.add(new JObj(m));
        }
        JsonValue doc = new JObj(Map.of("items", new JArr(items)));
        StringBuilder sb = new StringBuilder();
        write(doc, sb);
        String text = sb.toString();
        JsonValue back = new Parser(text).parse();
        StringBuilder again = new StringBuilder();
        write(back, again);
        System.out.println("json items=" + cfg.items() + " chars=" + text.length() + " equal=" + doc.equals(back)
                + " stable=" + text.contentEquals(again) + " hash=" + Integer.toHexString(text.hashCode()));
    }
}
