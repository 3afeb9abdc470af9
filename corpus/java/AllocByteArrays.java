import java.util.ArrayList;
import java.util.List;

public class AllocByteArrays {
    static final int MB = __SIZE__;

    public static void main(String[] args) {
        List<byte[]> keep = new ArrayList<>();
        long checksum = 0;
        for (int i = 0; i < MB * 8; i++) {
            byte[] b = new byte[128 * 1024];
            b[i % b.length] = (byte) i;
            checksum += b[i % b.length];
            keep.add(b);
            // churn: drop every other kept buffer now and then
            if (keep.size() > MB * 4 && i % 3 == 0) keep.remove(keep.size() / 2);
        }
        System.out.println("live buffers " + keep.size() + " (" + keep.size() / 8 + " MiB) checksum " + checksum);
    }
}
