import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes `rows` CSV lines through a BufferedWriter into a temporary file under /tmp, then reads
 * it back lazily with Files.lines, splitting each line by hand and aggregating per category;
 * the file is deleted afterwards. Heap stays flat; the file itself (on /tmp) grows with rows.
 */
public class FileIoCsvRoundTrip {

    static long writeCsv(Path file, int rows) throws IOException {
        long s = 0xDEADBEEFL, bytes = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,category,amount,flag\n");
            for (int i = 0; i < rows; i++) {
                s = (s * 25214903917L + 11) & ((1L << 48) - 1);
                String line = i + ",cat" + ((s >>> 17) % 37) + "," + ((s >>> 20) % 100000) / 100.0 + "," + ((s & 16) != 0 ? "Y" : "N") + "\n";
                w.write(line);
                bytes += line.length();
            }
        }
        return bytes;
    }

    public static void main(String[] args) throws IOException {
        Path file = Files.createTempFile(Path.of("/tmp"), "csvrt", ".csv");
        try {
            long written = writeCsv(file, __SIZE__);
            double[] sums = new double[37];
            long[] flags = new long[1];
            try (Stream<String> lines = Files.lines(file)) {
                lines.skip(1).forEach(line -> {
                    int a = line.indexOf(','), b = line.indexOf(',', a + 1), c = line.indexOf(',', b + 1);
                    int cat = Integer.parseInt(line, a + 4, b, 10);
                    sums[cat] += Double.parseDouble(line.substring(b + 1, c));
                    if (line.charAt(c + 1) == 'Y') flags[0]++;
                });
            }
            double total = 0;
            int best = 0;
            for (int i = 0; i < sums.length; i++) { total += sums[i]; if (sums[i] > sums[best]) best = i; }
            System.out.printf("bytes=%d size=%d total=%.2f flagsY=%d topCat=%d%n", written, Files.size(file), total, flags[0], best);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
