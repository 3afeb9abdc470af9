import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * External merge sort of the integers on stdin: lines are read with BufferedReader, parsed into a
 * fixed 32768-long run buffer, each full run is sorted and spilled to its own binary file in a
 * temporary directory under /tmp, then a PriorityQueue k-way merge streams all runs back in order.
 * Heap stays flat (one run buffer plus one small reader per run); the run files grow with input.
 */
public class FileIoExternalSortStdin {
    static final int RUN = 32768;

    static final class RunReader {
        final DataInputStream in;
        long head;

        RunReader(Path p) throws IOException { in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 4096)); }

        boolean advance() throws IOException {
            try { head = in.readLong(); return true; } catch (EOFException e) { in.close(); return false; }
        }
    }

    static Path spill(Path dir, long[] buf, int n, int index) throws IOException {
        Arrays.sort(buf, 0, n);
        Path p = dir.resolve("run" + index + ".bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 65536))) {
            for (int i = 0; i < n; i++) out.writeLong(buf[i]);
        }
        return p;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "extsort");
        List<Path> runs = new ArrayList<>();
        try {
            BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
            long[] buf = new long[RUN];
            int n = 0;
            String line;
            while ((line = br.readLine()) != null) {
                if (line.isEmpty() || line.equals("-")) continue;
                buf[n++] = Long.parseLong(line);
                if (n == RUN) { runs.add(spill(dir, buf, n, runs.size())); n = 0; }
            }
            if (n > 0) runs.add(spill(dir, buf, n, runs.size()));

            PriorityQueue<RunReader> heap = new PriorityQueue<>(Comparator.comparingLong((RunReader r) -> r.head));
            for (Path p : runs) {
                RunReader r = new RunReader(p);
                if (r.advance()) heap.add(r);
            }
            long count = 0, prev = Long.MIN_VALUE, check = 0, distinct = 0;
            while (!heap.isEmpty()) {
                RunReader r = heap.poll();
                long v = r.head;
                if (v < prev) throw new IllegalStateException("merge out of order");
                if (count == 0 || v != prev) distinct++;
                check = check * 1_000_003 + v;
                prev = v;
                count++;
                if (r.advance()) heap.add(r);
            }
            System.out.println("numbers " + count + " runs " + runs.size() + " distinct " + distinct + " max " + prev
                    + " check " + Long.toHexString(check));
        } finally {
            for (Path p : runs) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        }
    }
}
