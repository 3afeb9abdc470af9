import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** One java.net.Socket receives a fixed 8,000,000 bytes through a BufferedInputStream, read byte
 *  by byte; each (position, byte) pair is hashed into one of SLOTS int counters. The bytes are
 *  fixed: the size is the table, so memory grows with SLOTS (4 bytes each) and so does the cost
 *  (zeroing, cache misses, the final occupancy scan). */
public class NetBucketTable {
    static final int SLOTS = __SIZE__;
    static final long SERVER_BYTES = 8_000_000L;

    static int slot(long pos, int b) {
        long h = (pos * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        return (int) Long.remainderUnsigned(h, SLOTS);
    }

    public static void main(String[] args) throws IOException {
        String host = System.getenv("PRESIZE_HOST_ADDR");
        int port = Integer.parseInt(System.getenv("PRESIZE_BLOB_PORT"));
        int[] table = new int[SLOTS];
        long pos = 0;
        try (Socket sock = new Socket(host, port);
             InputStream in = new BufferedInputStream(sock.getInputStream(), 1 << 16)) {
            sock.setSoTimeout(30_000);
            int b;
            while ((b = in.read()) >= 0) {
                table[slot(pos, b)]++;
                pos++;
            }
        }
        long used = 0, max = 0, sumsq = 0;
        for (int c : table) {
            if (c != 0) used++;
            if (c > max) max = c;
            sumsq += (long) c * c;
        }
        System.out.println("buckets " + SLOTS + ": " + pos + " bytes (expected " + SERVER_BYTES + "), used " + used
                + ", max " + max + ", sumsq " + sumsq);
        if (pos != SERVER_BYTES) System.exit(1);
    }
}
