import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Random;

public class FileIoRandomAccess {
    static final int N = __SIZE__;
    static final int REC = 32;

    public static void main(String[] args) throws IOException {
        File f = new File("records.bin");
        double acc = 0;
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            byte[] name = new byte[16];
            for (int i = 0; i < N; i++) {
                raf.writeLong(i);
                raf.writeDouble(i * 0.25);
                byte[] b = ("r" + i).getBytes();
                System.arraycopy(b, 0, name, 0, Math.min(16, b.length));
                raf.write(name);
            }
            Random r = new Random(7);
            for (int q = 0; q < N; q++) {
                int k = r.nextInt(N);
                raf.seek((long) k * REC);
                if (raf.readLong() != k) throw new IllegalStateException("bad record");
                acc += raf.readDouble();
            }
        }
        f.delete();
        System.out.println("records " + N + " acc " + acc);
    }
}
