import java.nio.charset.StandardCharsets;

/**
 * Generates a JSON document of nested records into a StringBuilder, then parses its bytes with a
 * hand-written iterative parser that emits a flat "tape" (long[] of type<<56 | payload, with
 * container entries pointing past their end) instead of objects. A second pass walks the tape
 * to sum numeric fields. Memory: the text and the tape, both O(n) primitive arrays.
 */
public class JsonTapeParser {
    static final long OBJ = 1L << 56, ARR = 2L << 56, STR = 3L << 56, NUM = 4L << 56, LIT = 5L << 56, END = 6L << 56;

    long[] tape = new long[1024];
    double[] numbers = new double[256];
    int size, numCount;
    final byte[] src;
    int pos;

    JsonTapeParser(byte[] src) { this.src = src; }

    void emit(long v) {
        if (size == tape.length) tape = java.util.Arrays.copyOf(tape, size * 2);
        tape[size++] = v;
    }

    void skipWs() { while (pos < src.length && src[pos] <= ' ') pos++; }

    void parse() {
        int[] open = new int[64];
        int depth = 0;
        skipWs();
        while (pos < src.length) {
            byte c = src[pos];
            switch (c) {
                case '{', '[' -> {
                    if (depth == open.length) open = java.util.Arrays.copyOf(open, depth * 2);
                    open[depth++] = size;
                    emit(c == '{' ? OBJ : ARR);
                    pos++;
                }
                case '}', ']' -> {
                    int start = open[--depth];
                    tape[start] |= size + 1;          // container points past its END entry
                    emit(END | start);
                    pos++;
                }
                case '"' -> {
                    int start = ++pos;
                    while (src[pos] != '"') pos += src[pos] == '\\' ? 2 : 1;
                    emit(STR | ((long) start << 24) | (pos - start));
                    pos++;
                }
                case ',', ':' -> pos++;
                case 't', 'f', 'n' -> { emit(LIT | c); pos += c == 'f' ? 5 : 4; }
                default -> {
                    int start = pos;
                    while (pos < src.length && "+-.eE0123456789".indexOf(src[pos]) >= 0) pos++;
                    if (numCount == numbers.length) numbers = java.util.Arrays.copyOf(numbers, numCount * 2);
                    numbers[numCount] = Double.parseDouble(new String(src, start, pos - start, StandardCharsets.US_ASCII));
                    emit(NUM | numCount++);
                }
            }
            skipWs();
        }
        if (depth != 0) throw new IllegalStateException("unbalanced");
    }

    boolean keyEquals(long strEntry, byte[] key) {
        int start = (int) ((strEntry >>> 24) & 0xFFFFFFFFL), len = (int) (strEntry & 0xFFFFFF);
        if (len != key.length) return false;
        for (int i = 0; i < len; i++) if (src[start + i] != key[i]) return false;
        return true;
    }

    static String generate(int records) {
        StringBuilder sb = new StringBuilder(records * 120);
        long s = 1234567;
        sb.append("{\"version\":3,\"items\":[");
        for (int i = 0; i < records; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            if (i > 0) sb.append(',');
            sb.append("{\"id\":").append(i)
              .append(",\"name\":\"item \\\"").append(Long.toHexString(s >>> 40)).append("\\\"\"")
              .append(",\"score\":").append((s >>> 44) / 1000.0)
              .append(",\"ok\":").append((s & 1) == 0)
              .append(",\"dims\":[").append((s >>> 10) & 255).append(',').append((s >>> 18) & 255).append(']')
              .append(",\"meta\":{\"parent\":").append(i == 0 ? "null" : String.valueOf(i / 2)).append("}}");
        }
        return sb.append("]}").toString();
    }

    public static void main(String[] args) {
        final int records = __SIZE__;
        byte[] bytes = generate(records).getBytes(StandardCharsets.US_ASCII);
        JsonTapeParser p = new JsonTapeParser(bytes);
        p.parse();
        byte[] scoreKey = "score".getBytes(StandardCharsets.US_ASCII);
        double scoreSum = 0;
        long objects = 0, literals = 0;
        for (int i = 0; i < p.size; i++) {
            long t = p.tape[i] & (0xFFL << 56);
            if (t == OBJ) objects++;
            else if (t == LIT) literals++;
            else if (t == STR && i + 1 < p.size && (p.tape[i + 1] & (0xFFL << 56)) == NUM && p.keyEquals(p.tape[i], scoreKey))
                scoreSum += p.numbers[(int) (p.tape[i + 1] & 0xFFFFFFFFL)];
        }
        int rootEnd = (int) (p.tape[0] & 0xFFFFFFFFL);
        System.out.printf("bytes=%d tape=%d objects=%d literals=%d scoreSum=%.3f rootEnd=%d%n",
                bytes.length, p.size, objects, literals, scoreSum, rootEnd);
    }
}
