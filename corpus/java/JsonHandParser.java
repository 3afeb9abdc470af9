import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class JsonHandParser {
    static final int N = __SIZE__;

    private final String s;
    private int i;

    JsonHandParser(String s) { this.s = s; }

    private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

    Object value() {
        ws();
        char c = s.charAt(i);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': i += 4; return Boolean.TRUE;
            case 'f': i += 5; return Boolean.FALSE;
            case 'n': i += 4; return null;
            default: return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (s.charAt(i) == '}') { i++; return m; }
        while (true) {
            ws();
            String k = string();
            ws();
            i++;
            m.put(k, value());
            ws();
            if (s.charAt(i++) == '}') return m;
        }
    }

    private List<Object> array() {
        List<Object> a = new ArrayList<>();
        i++;
        ws();
        if (s.charAt(i) == ']') { i++; return a; }
        while (true) {
            a.add(value());
            ws();
            if (s.charAt(i++) == ']') return a;
        }
    }

    private String string() {
        int end = s.indexOf('"', i + 1);
        String v = s.substring(i + 1, end);
        i = end + 1;
        return v;
    }

    private Number number() {
        int st = i;
        while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0) i++;
        String t = s.substring(st, i);
        return t.contains(".") ? (Number) Double.parseDouble(t) : (Number) Long.parseLong(t);
    }

    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < N; k++) {
            if (k > 0) sb.append(",\n");
            sb.append("{\"id\": ").append(k).append(", \"ok\": ").append(k % 3 == 0).append(", \"v\": [").append(k % 10).append(", ")
              .append(k % 7).append(".5, -1], \"name\": \"n").append(k).append("\", \"x\": null}");
        }
        sb.append("]");
        @SuppressWarnings("unchecked")
        List<Object> doc = (List<Object>) new JsonHandParser(sb.toString()).value();
        double sum = 0;
        long ok = 0;
        for (Object o : doc) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            if ((Boolean) m.get("ok")) ok++;
            for (Object v : (List<?>) m.get("v")) sum += ((Number) v).doubleValue();
        }
        System.out.println("parsed " + doc.size() + " ok " + ok + " sum " + sum);
    }
}
