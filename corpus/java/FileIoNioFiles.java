import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class FileIoNioFiles {
    static final int LINES = __SIZE__;

    public static void main(String[] args) throws IOException {
        Path p = Path.of("/tmp/presize-nio.txt");
        List<String> lines = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) lines.add(i + "\t" + (i * 2654435761L % 1000003) + "\titem-" + (i % 97));
        Files.write(p, lines);
        long total = 0;
        for (String l : Files.readAllLines(p)) total += Long.parseLong(l.split("\t")[1]);
        long size = Files.size(p);
        Files.delete(p);
        System.out.println("lines " + LINES + " bytes " + size + " total " + total);
    }
}
