import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;

public class CompressGzipStdin {
    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        long raw = 0;
        try (GZIPOutputStream gz = new GZIPOutputStream(sink, 1 << 16)) {
            InputStream in = System.in;
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                gz.write(buf, 0, n);
                raw += n;
            }
        }
        System.out.println("gzip " + raw + " -> " + sink.size() + " bytes");
    }
}
