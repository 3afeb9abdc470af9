import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class FileIoDataStreams {
    static final int N = __SIZE__;

    public static void main(String[] args) throws IOException {
        String path = "/tmp/presize-data.bin";
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(path), 1 << 16))) {
            for (int i = 0; i < N; i++) {
                out.writeInt(i);
                out.writeUTF("entry-" + (i % 1000));
                out.writeDouble(Math.sqrt(i));
            }
        }
        long count = 0;
        double sum = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(path), 1 << 16))) {
            while (true) {
                in.readInt();
                in.readUTF();
                sum += in.readDouble();
                count++;
            }
        } catch (EOFException end) {
            // done
        }
        long size = Files.size(Path.of(path));
        Files.delete(Path.of(path));
        System.out.printf("records %d bytes %d sum %.3f%n", count, size, sum);
    }
}
