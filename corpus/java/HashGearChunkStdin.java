import java.io.IOException;
import java.io.InputStream;

/**
 * Content-defined chunking of stdin: a fixed 16 KiB byte[] is refilled from System.in in a loop,
 * a gear rolling hash (256-entry long table) finds chunk boundaries, and each chunk is hashed with
 * a hand-written FNV-1a 64 and a table-driven CRC-32; a 64-byte-window buzhash counts anchor
 * positions alongside. Memory is constant in the input size.
 */
public class HashGearChunkStdin {
    static final long[] GEAR = new long[256];
    static final int[] CRC = new int[256];
    static final long MASK = (1L << 13) - 1;           // ~8 KiB average chunk
    static final int WINDOW = 64;                      // buzhash window (power of two)
    static final int MIN_CHUNK = 2048, MAX_CHUNK = 65536;

    static {
        long s = 0x6A09E667F3BCC908L;
        for (int i = 0; i < 256; i++) {
            s ^= s << 7; s ^= s >>> 9;
            GEAR[i] = s;
            int c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
            CRC[i] = c;
        }
    }

    public static void main(String[] args) throws IOException {
        InputStream in = System.in;
        byte[] buf = new byte[16384];
        long gear = 0, fnv = 0xCBF29CE484222325L, total = 0, chunks = 0, digest = 0;
        int crc = -1, len = 0, minLen = Integer.MAX_VALUE, maxLen = 0;
        byte[] window = new byte[WINDOW];                // buzhash sliding window, fixed size
        long buz = 0, anchors = 0;
        int wpos = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            for (int i = 0; i < r; i++) {
                int b = buf[i] & 0xFF;
                gear = (gear << 1) + GEAR[b];
                fnv = (fnv ^ b) * 0x100000001B3L;
                crc = CRC[(crc ^ b) & 0xFF] ^ (crc >>> 8);
                int old = window[wpos] & 0xFF;
                window[wpos] = (byte) b;
                wpos = (wpos + 1) & (WINDOW - 1);
                buz = Long.rotateLeft(buz, 1) ^ Long.rotateLeft(GEAR[old ^ 0x5A], WINDOW) ^ GEAR[b ^ 0x5A];
                if ((buz & 0xFFF) == 0x123) anchors++;
                len++;
                if ((len >= MIN_CHUNK && (gear & MASK) == 0) || len >= MAX_CHUNK) {
                    chunks++;
                    digest = Long.rotateLeft(digest, 5) ^ fnv ^ ((long) ~crc << 17);
                    minLen = Math.min(minLen, len);
                    maxLen = Math.max(maxLen, len);
                    gear = 0; fnv = 0xCBF29CE484222325L; crc = -1; len = 0;
                }
            }
            total += r;
        }
        if (len > 0) { chunks++; digest = Long.rotateLeft(digest, 5) ^ fnv ^ ((long) ~crc << 17); maxLen = Math.max(maxLen, len); minLen = Math.min(minLen, len); }
        System.out.println("bytes " + total + " chunks " + chunks + " min " + (chunks == 0 ? 0 : minLen) + " max " + maxLen
                + " anchors " + anchors + " digest " + Long.toHexString(digest));
    }
}
