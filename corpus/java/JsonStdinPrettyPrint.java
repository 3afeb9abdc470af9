import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Pull tokenizer over the raw stdin bytes that re-emits the JSON pretty-printed (2-space indent) into a StringBuilder. */
public class JsonStdinPrettyPrint {

    private final byte[] src;
    private int pos;
    private final StringBuilder out;
    private int strings, numbers, maxDepth;

    JsonStdinPrettyPrint(byte[] src) {
        this.src = src;
        this.out = new StringBuilder(src.length * 2 + 16);
    }

    private void skipWs() {
        while (pos < src.length && (src[pos] == ' ' || src[pos] == '\n' || src[pos] == '\r' || src[pos] == '\t')) pos++;
    }

    private void indent(int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) out.append("  ");
    }

    private void copyString() {
        int start = pos++;
        while (src[pos] != '"') {
            if (src[pos] == '\\') pos++;
            pos++;
        }
        pos++;
        for (int i = start; i < pos; i++) out.append((char) src[i]);
        strings++;
    }

    /** Iterative: containers are tracked on an explicit stack of (closing char, element count). */
    void run() {
        Deque<int[]> stack = new ArrayDeque<>();
        skipWs();
        while (pos < src.length) {
            byte c = src[pos];
            if (c == '{' || c == '[') {
                int[] parent = stack.peek();
                if (parent != null && parent[0] == ']') { parent[1]++; indent(stack.size()); }
                out.append((char) c);
                stack.push(new int[] {c == '{' ? '}' : ']', 0});
                maxDepth = Math.max(maxDepth, stack.size());
                pos++;
            } else if (c == '}' || c == ']') {
                int[] top = stack.pop();
                if (top[1] > 0) indent(stack.size());
                out.append((char) c);
                pos++;
            } else if (c == ',') {
                out.append(',');
                pos++;
            } else if (c == ':') {
                out.append(": ");
                pos++;
            } else {
                int[] top = stack.peek();
                boolean isKey = top != null && top[0] == '}' && (out.charAt(out.length() - 1) == ',' || out.charAt(out.length() - 1) == '{');
                boolean newElement = top != null && (isKey || top[0] == ']');
                if (newElement) { top[1]++; indent(stack.size()); }
                if (c == '"') copyString();
                else {
                    int start = pos;
                    while (pos < src.length && "-+.eE0123456789truefalsn".indexOf(src[pos]) >= 0) pos++;
                    for (int i = start; i < pos; i++) out.append((char) src[i]);
                    numbers++;
                }
            }
            skipWs();
        }
    }

    public static void main(String[] args) throws IOException {
        byte[] data = System.in.readAllBytes();
        JsonStdinPrettyPrint pp = new JsonStdinPrettyPrint(data);
        pp.run();
        long h = 1125899906842597L;
        int lines = 1;
        for (int i = 0; i < pp.out.length(); i++) {
            char ch = pp.out.charAt(i);
            h = 31 * h + ch;
            if (ch == '\n') lines++;
        }
        System.out.println("pretty in=" + data.length + " out=" + pp.out.length() + " lines=" + lines + " strings=" + pp.strings
                + " scalars=" + pp.numbers + " depth=" + pp.maxDepth + " h=" + Long.toHexString(h));
    }
}
