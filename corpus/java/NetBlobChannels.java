import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.zip.CRC32;

public class NetBlobChannels {
    static final long PER_CONN = __SIZE__L;
    static final int CONNECTIONS = 3;

    public static void main(String[] args) throws IOException {
        InetSocketAddress addr = new InetSocketAddress(System.getenv("PRESIZE_HOST_ADDR"), Integer.parseInt(System.getenv("PRESIZE_BLOB_PORT")));
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 17);
        CRC32 crc = new CRC32();
        long total = 0;
        for (int c = 0; c < CONNECTIONS; c++) {
            try (SocketChannel ch = SocketChannel.open(addr)) {
                int n;
                while ((n = ch.read(buf)) >= 0) {
                    buf.flip();
                    crc.update(buf);
                    buf.clear();
                    total += n;
                }
            }
        }
        System.out.printf("channels %d bytes %d expected %d crc %08x%n", CONNECTIONS, total, PER_CONN * CONNECTIONS, crc.getValue());
    }
}
