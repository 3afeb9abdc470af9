import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

public class CompressDeflaterInflater {
    static final int N = __SIZE__;

    public static void main(String[] args) throws DataFormatException {
        Random r = new Random(19);
        String[] vocab = {"alpha ", "beta ", "gamma ", "delta ", "epsilon ", "zeta ", "\n"};
        StringBuilder sb = new StringBuilder();
        while (sb.length() < N) sb.append(vocab[r.nextInt(vocab.length)]);
        byte[] input = sb.substring(0, N).getBytes();
        int[] sizes = new int[3];
        int[] levels = {1, 6, 9};
        byte[] last = null;
        for (int li = 0; li < 3; li++) {
            Deflater d = new Deflater(levels[li]);
            d.setInput(input);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            while (!d.finished()) out.write(buf, 0, d.deflate(buf));
            d.end();
            last = out.toByteArray();
            sizes[li] = last.length;
        }
        Inflater inf = new Inflater();
        inf.setInput(last);
        byte[] back = new byte[N];
        int got = 0;
        while (!inf.finished()) got += inf.inflate(back, got, N - got);
        inf.end();
        System.out.println("raw " + N + " deflated " + Arrays.toString(sizes) + " roundtrip " + (got == N && Arrays.equals(back, input)));
    }
}
