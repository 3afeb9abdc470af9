import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;

/** Static Huffman coding: PriorityQueue-built code tree, canonical-free code table, bit-packed long writer, tree-walk decoder. */
public class CompressHuffmanCodec {
    static final int BYTES = __SIZE__;

    sealed interface Node permits Leaf, Branch {
        long weight();
    }

    record Leaf(int symbol, long weight) implements Node {}

    record Branch(Node left, Node right, long weight) implements Node {}

    static final class BitWriter {
        byte[] buf = new byte[1024];
        long bitLen;

        void write(long code, int len) {
            for (int i = len - 1; i >= 0; i--) {
                int byteIdx = (int) (bitLen >>> 3);
                if (byteIdx >= buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                if (((code >>> i) & 1) != 0) buf[byteIdx] |= (byte) (0x80 >>> (bitLen & 7));
                bitLen++;
            }
        }
    }

    static void assign(Node n, long code, int len, long[] codes, int[] lens) {
        if (n instanceof Leaf leaf) {
            codes[leaf.symbol()] = code;
            lens[leaf.symbol()] = Math.max(len, 1);
        } else if (n instanceof Branch b) {
            assign(b.left(), code << 1, len + 1, codes, lens);
            assign(b.right(), (code << 1) | 1, len + 1, codes, lens);
        }
    }

    static byte[] sample(Random rnd) {
        String[] words = {"the ", "of ", "compression ", "entropy ", "symbol ", "tree ", "a ", "bit ", "code ", "\n", "Huffman ", "and "};
        byte[] data = new byte[BYTES];
        int i = 0;
        while (i < BYTES) {
            // Zipf-like choice: lower indices far more likely
            int w = (int) (Math.pow(rnd.nextDouble(), 2.5) * words.length);
            String word = rnd.nextInt(20) == 0 ? Integer.toString(rnd.nextInt(1000)) + " " : words[w];
            for (int k = 0; k < word.length() && i < BYTES; k++) data[i++] = (byte) word.charAt(k);
        }
        return data;
    }

    public static void main(String[] args) {
        byte[] data = sample(new Random(1948));
        long[] freq = new long[256];
        for (byte b : data) freq[b & 0xff]++;
        PriorityQueue<Node> pq = new PriorityQueue<>((a, b) -> Long.compare(a.weight(), b.weight()));
        for (int s = 0; s < 256; s++) if (freq[s] > 0) pq.add(new Leaf(s, freq[s]));
        while (pq.size() > 1) {
            Node a = pq.poll(), b = pq.poll();
            pq.add(new Branch(a, b, a.weight() + b.weight()));
        }
        Node root = pq.poll();
        long[] codes = new long[256];
        int[] lens = new int[256];
        assign(root, 0, 0, codes, lens);

        BitWriter w = new BitWriter();
        for (byte b : data) w.write(codes[b & 0xff], lens[b & 0xff]);

        byte[] decoded = new byte[data.length];
        long bit = 0;
        for (int i = 0; i < decoded.length; i++) {
            Node n = root;
            while (n instanceof Branch br) {
                int v = (w.buf[(int) (bit >>> 3)] >>> (7 - (bit & 7))) & 1;
                bit++;
                n = v == 0 ? br.left() : br.right();
            }
            if (root instanceof Leaf) bit++;
            decoded[i] = (byte) ((Leaf) n).symbol();
        }
        boolean same = Arrays.equals(data, decoded);
        long outBytes = (w.bitLen + 7) / 8;
        System.out.printf("huffman in=%d out=%d ratio=%.4f roundtrip=%b%n", data.length, outBytes, (double) outBytes / data.length, same);
    }
}
