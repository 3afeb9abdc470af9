import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/** Four workers of a fixed thread pool each open a java.net.Socket and keep the whole download
 *  as a list of 256 KiB chunks (readNBytes); the main thread then runs CRC32C over every chunk of
 *  every connection in order. Memory grows with the bytes: four full payloads on the heap. */
public class NetChunkedBuffer {
    static final long PER_CONN = __SIZE__L;
    static final int WORKERS = 4;
    static final int CHUNK = 256 * 1024;

    static List<byte[]> download(String host, int port) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        try (Socket s = new Socket(host, port); InputStream in = s.getInputStream()) {
            s.setSoTimeout(30_000);
            while (true) {
                byte[] c = in.readNBytes(CHUNK);
                if (c.length == 0) break;
                chunks.add(c);
                if (c.length < CHUNK) break;
            }
        }
        return chunks;
    }

    public static void main(String[] args) throws Exception {
        String host = System.getenv("PRESIZE_HOST_ADDR");
        int port = Integer.parseInt(System.getenv("PRESIZE_BLOB_PORT"));
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<List<byte[]>>> futures = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) futures.add(pool.submit(() -> download(host, port)));
        List<List<byte[]>> all = new ArrayList<>();
        for (Future<List<byte[]>> f : futures) all.add(f.get());
        pool.shutdown();
        CRC32C crc = new CRC32C();
        long total = 0, chunks = 0;
        for (List<byte[]> conn : all) {
            for (byte[] c : conn) {
                crc.update(c, 0, c.length);
                total += c.length;
                chunks++;
            }
        }
        System.out.printf("chunked %d workers: %d bytes (expected %d) in %d chunks, crc32c %08x%n", WORKERS, total,
                PER_CONN * WORKERS, chunks, crc.getValue());
        if (total != PER_CONN * WORKERS) System.exit(1);
    }
}
