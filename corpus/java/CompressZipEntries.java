import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes an in-memory zip archive of ENTRIES generated text files (about 2 KB each) with
 * ZipOutputStream into a ByteArrayOutputStream, alternating DEFLATED levels, then reads it back
 * with ZipInputStream and checks sizes and CRC32s. The whole compressed archive stays in memory.
 */
public class CompressZipEntries {
    static final int ENTRIES = __SIZE__;
    static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu", "omicron", "sigma", "omega", "value", "=", ";", "\n"};

    static byte[] body(int k, StringBuilder sb) {
        sb.setLength(0);
        int s = k * 7919 + 1;
        sb.append("# file ").append(k).append('\n');
        while (sb.length() < 2000) {
            s = s * 1103515245 + 12345;
            sb.append(WORDS[(s >>> 16) % WORDS.length]).append(' ');
            if ((s & 0x300) == 0) sb.append((s >>> 8) & 0xFFFF);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder();
        long rawTotal = 0, crcXor = 0;
        try (ZipOutputStream zos = new ZipOutputStream(archive)) {
            for (int k = 0; k < ENTRIES; k++) {
                byte[] data = body(k, sb);
                zos.setLevel(k % 3 == 0 ? 1 : (k % 3 == 1 ? 6 : 9));
                zos.putNextEntry(new ZipEntry("dir" + (k % 16) + "/file" + k + ".txt"));
                zos.write(data);
                zos.closeEntry();
                rawTotal += data.length;
                CRC32 c = new CRC32();
                c.update(data);
                crcXor ^= c.getValue() * (k + 1);
            }
        }
        byte[] zipped = archive.toByteArray();
        long readTotal = 0, readXor = 0;
        int count = 0;
        byte[] buf = new byte[8192];
        try (ZipInputStream zis = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            ZipEntry e;
            while ((e = zis.getNextEntry()) != null) {
                CRC32 c = new CRC32();
                int r;
                while ((r = zis.read(buf)) > 0) { c.update(buf, 0, r); readTotal += r; }
                readXor ^= c.getValue() * (++count);
            }
        }
        if (readTotal != rawTotal || readXor != crcXor) throw new IllegalStateException("round trip mismatch");
        System.out.println("entries " + count + " raw " + rawTotal + " zipped " + zipped.length);
    }
}
