import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class NetBlobThreads {
    static final long PER_CONN = __SIZE__L;
    static final int THREADS = 2;

    public static void main(String[] args) throws Exception {
        String host = System.getenv("PRESIZE_HOST_ADDR");
        int port = Integer.parseInt(System.getenv("PRESIZE_BLOB_PORT"));
        Callable<byte[]> download = () -> {
            try (Socket s = new Socket(host, port); InputStream in = s.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<byte[]>> fs = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) fs.add(pool.submit(download));
        long total = 0, xs = 0;
        for (Future<byte[]> f : fs) {
            byte[] b = f.get();
            total += b.length;
            for (int i = 0; i < b.length; i += 1024) if (b[i] == 'x') xs++;
        }
        pool.shutdown();
        System.out.println("threads " + THREADS + " bytes " + total + " expected " + PER_CONN * THREADS + " samples " + xs);
    }
}
