import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Fixed 32-byte records written through a FileChannel with a reused ByteBuffer, read back through a MappedByteBuffer and positional reads. */
public class FileIoMappedChannel {
    static final int RECORD = 32;

    public static void main(String[] args) throws IOException {
        final long records = __SIZE__L;
        Path file = Files.createTempFile(Path.of("/tmp"), "mapped-", ".bin");
        try {
            long written = 0;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
                long x = 0x9E3779B97F4A7C15L;
                for (long i = 0; i < records; i++) {
                    x += 0x9E3779B97F4A7C15L;
                    long z = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
                    if (buf.remaining() < RECORD) { buf.flip(); while (buf.hasRemaining()) written += ch.write(buf); buf.clear(); }
                    buf.putLong(i).putDouble((z >>> 11) * 0x1.0p-53).putInt((int) (z & 0xff)).putInt(0).putLong(z);
                }
                buf.flip();
                while (buf.hasRemaining()) written += ch.write(buf);
            }
            double sum = 0;
            long flagged = 0, badIds = 0;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                long chunk = (1L << 28) / RECORD * RECORD;
                for (long off = 0; off < size; off += chunk) {
                    MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_ONLY, off, Math.min(chunk, size - off));
                    long base = off / RECORD;
                    for (int p = 0; p + RECORD <= mb.limit(); p += RECORD) {
                        if (mb.getLong(p) != base + p / RECORD) badIds++;
                        sum += mb.getDouble(p + 8);
                        if (mb.getInt(p + 16) > 200) flagged++;
                    }
                }
                ByteBuffer one = ByteBuffer.allocate(RECORD);
                long probe = 0, probes = Math.min(records, 20000);
                for (long k = 0; k < probes; k++) {
                    long idx = (k * 2654435761L) % records;
                    one.clear();
                    ch.read(one, idx * RECORD);
                    probe += one.getLong(0) == idx ? 1 : 0;
                }
                System.out.printf("mapped records=%d bytes=%d sum=%.4f flagged=%d badIds=%d probesOk=%d%n", records, written, sum, flagged, badIds, probe);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
