import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

public class HashCrc32Adler {
    static final int MB = __SIZE__;

    public static void main(String[] args) {
        byte[] block = new byte[1 << 20];
        Random r = new Random(16);
        CRC32 crc = new CRC32();
        CRC32C crcc = new CRC32C();
        Adler32 adler = new Adler32();
        long manual = 0;
        for (int m = 0; m < MB; m++) {
            r.nextBytes(block);
            crc.update(block);
            crcc.update(block);
            adler.update(block);
            for (int i = 0; i < block.length; i += 8) manual = manual * 31 + block[i];
        }
        System.out.printf("hashed %d MiB crc32 %08x crc32c %08x adler %08x manual %d%n", MB, crc.getValue(), crcc.getValue(), adler.getValue(), manual);
    }
}
