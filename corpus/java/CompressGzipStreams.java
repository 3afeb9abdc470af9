import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

public class CompressGzipStreams {
    static final int ROWS = __SIZE__;

    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes))) {
            for (int i = 0; i < ROWS; i++) w.write(i + ",sensor-" + (i % 37) + "," + (i * 7919 % 10007) / 100.0 + "\n");
        }
        byte[] gz = bytes.toByteArray();
        long raw = 0, lines = 0;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                raw += n;
                for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
            }
        }
        System.out.println("rows " + lines + " raw " + raw + " gzip " + gz.length);
    }
}
