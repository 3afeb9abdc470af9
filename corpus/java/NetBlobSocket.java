import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

public class NetBlobSocket {
    static final long EXPECTED = __SIZE__L;

    public static void main(String[] args) throws IOException {
        String host = System.getenv("PRESIZE_HOST_ADDR");
        int port = Integer.parseInt(System.getenv("PRESIZE_BLOB_PORT"));
        long got = 0, sum = 0;
        try (Socket s = new Socket(host, port); InputStream in = s.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                got += n;
                for (int i = 0; i < n; i += 512) sum += buf[i];
            }
        }
        System.out.println("received " + got + " expected " + EXPECTED + " sum " + sum);
    }
}
