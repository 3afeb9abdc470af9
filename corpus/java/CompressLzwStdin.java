import java.io.IOException;
import java.util.HashMap;

/**
 * Hand-written LZW over all of stdin (readAllBytes): 12-bit codes with a dictionary reset when
 * full, the encoder's dictionary a HashMap<Integer,Integer> keyed by prefix<<8|byte, codes packed
 * into a growing byte[] (1.5 bytes each); the decoder rebuilds prefix/suffix int[] tables and
 * must reproduce the input. Input, code stream and output are all held: memory grows with input.
 */
public class CompressLzwStdin {
    static final int MAX_CODES = 4096;

    static final class BitPacker {
        byte[] out = new byte[1 << 16];
        int bytes, count;
        int pending = -1;

        void put(int code) {
            if (pending < 0) { pending = code; return; }
            ensure(3);
            out[bytes++] = (byte) (pending >>> 4);
            out[bytes++] = (byte) ((pending & 15) << 4 | code >>> 8);
            out[bytes++] = (byte) code;
            pending = -1;
            count += 2;
        }

        void finish() {
            if (pending >= 0) { ensure(2); out[bytes++] = (byte) (pending >>> 4); out[bytes++] = (byte) ((pending & 15) << 4); count++; pending = -1; }
        }

        void ensure(int k) { if (bytes + k > out.length) out = java.util.Arrays.copyOf(out, out.length * 2); }

        int get(int i) {
            int base = (i / 2) * 3;
            return (i & 1) == 0 ? (out[base] & 255) << 4 | (out[base + 1] & 255) >>> 4
                    : (out[base + 1] & 15) << 8 | (out[base + 2] & 255);
        }
    }

    static BitPacker encode(byte[] in) {
        BitPacker p = new BitPacker();
        if (in.length == 0) return p;
        HashMap<Integer, Integer> dict = new HashMap<>();
        int next = 256;
        int w = in[0] & 255;
        for (int i = 1; i < in.length; i++) {
            int c = in[i] & 255;
            Integer code = dict.get(w << 8 | c);
            if (code != null) { w = code; continue; }
            p.put(w);
            if (next < MAX_CODES) dict.put(w << 8 | c, next++);
            else { dict.clear(); next = 256; }
            w = c;
        }
        p.put(w);
        p.finish();
        return p;
    }

    static byte[] decode(BitPacker p, int expected) {
        byte[] out = new byte[expected];
        int[] prefix = new int[MAX_CODES], suffix = new int[MAX_CODES], first = new int[MAX_CODES];
        byte[] stack = new byte[MAX_CODES + 1];
        int n = 0, next = 256, prev = -1;
        for (int i = 0; i < p.count; i++) {
            int code = p.get(i);
            int emitCode = code < next ? code : prev;
            int sp = 0;
            for (int c = emitCode; ; c = prefix[c]) {
                if (c < 256) { stack[sp++] = (byte) c; break; }
                stack[sp++] = (byte) suffix[c];
            }
            int firstByte = stack[sp - 1] & 255;
            while (sp > 0) out[n++] = stack[--sp];
            if (code >= next) out[n++] = (byte) firstByte;     // the KwKwK case
            if (prev >= 0) {
                if (next < MAX_CODES) {
                    prefix[next] = prev;
                    suffix[next] = firstByte;
                    first[next] = prev < 256 ? prev : first[prev];
                    next++;
                } else {
                    next = 256;
                    prev = code < 256 ? code : -1;
                    if (prev < 0) throw new IllegalStateException("bad code after reset");
                    continue;
                }
            }
            prev = code;
        }
        if (n != expected) throw new IllegalStateException("decoded " + n + " of " + expected);
        return out;
    }

    public static void main(String[] args) throws IOException {
        byte[] input = System.in.readAllBytes();
        BitPacker packed = encode(input);
        byte[] back = decode(packed, input.length);
        if (!java.util.Arrays.equals(input, back)) throw new IllegalStateException("round trip differs");
        System.out.printf("in=%d codes=%d packed=%d ratio=%.3f%n", input.length, packed.count, packed.bytes,
                input.length == 0 ? 0.0 : (double) packed.bytes / input.length);
    }
}
