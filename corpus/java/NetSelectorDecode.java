import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;

/** Three non-blocking SocketChannels on one Selector; every stream is decoded as UTF-8 while it
 *  arrives (chars and 'x' counted) and digested with MD5. One shared 32 KiB buffer and a small
 *  CharBuffer per connection: memory stays flat whatever the size. */
public class NetSelectorDecode {
    static final long PER_CONN = __SIZE__L;
    static final int CONNECTIONS = 3;

    static final class Stream {
        final int index;
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        final CharBuffer chars = CharBuffer.allocate(1 << 14);
        final MessageDigest md5;
        long bytes, decoded, xs;

        Stream(int index) throws Exception {
            this.index = index;
            this.md5 = MessageDigest.getInstance("MD5");
        }

        void feed(ByteBuffer in, boolean last) {
            md5.update(in.duplicate());
            bytes += in.remaining();
            while (true) {
                chars.clear();
                var res = decoder.decode(in, chars, last);
                chars.flip();
                decoded += chars.remaining();
                while (chars.hasRemaining()) if (chars.get() == 'x') xs++;
                if (!res.isOverflow()) break;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress addr = new InetSocketAddress(System.getenv("PRESIZE_HOST_ADDR"),
                Integer.parseInt(System.getenv("PRESIZE_BLOB_PORT")));
        Stream[] streams = new Stream[CONNECTIONS];
        try (Selector sel = Selector.open()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                streams[i] = new Stream(i);
                ch.connect(addr);
                ch.register(sel, SelectionKey.OP_CONNECT, streams[i]);
            }
            ByteBuffer buf = ByteBuffer.allocate(1 << 15);
            int open = CONNECTIONS;
            while (open > 0) {
                if (sel.select(30_000) == 0) throw new IOException("selector timed out");
                Iterator<SelectionKey> it = sel.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    SocketChannel ch = (SocketChannel) key.channel();
                    Stream s = (Stream) key.attachment();
                    if (key.isConnectable()) {
                        ch.finishConnect();
                        key.interestOps(SelectionKey.OP_READ);
                        continue;
                    }
                    buf.clear();
                    int n = ch.read(buf);
                    if (n < 0) {
                        s.feed(ByteBuffer.allocate(0), true);
                        key.cancel();
                        ch.close();
                        open--;
                    } else if (n > 0) {
                        buf.flip();
                        s.feed(buf, false);
                    }
                }
            }
        }
        long total = 0, chars = 0, xs = 0;
        byte[] combined = new byte[16];
        for (Stream s : streams) {
            total += s.bytes;
            chars += s.decoded;
            xs += s.xs;
            byte[] d = s.md5.digest();
            for (int i = 0; i < 16; i++) combined[i] ^= d[i];
        }
        System.out.printf("selector %d conns: %d bytes (expected %d), %d chars, %d x, md5^ %s%n", CONNECTIONS, total,
                PER_CONN * CONNECTIONS, chars, xs, HexFormat.of().formatHex(combined, 0, 6));
        if (total != PER_CONN * CONNECTIONS) System.exit(1);
    }
}
