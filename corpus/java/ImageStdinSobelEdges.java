import java.io.DataInputStream;
import java.io.IOException;

/** Raw RGB from stdin (512 px rows) to luma short[], Sobel gradient, edge threshold and an 8-bin orientation histogram. */
public class ImageStdinSobelEdges {
    static final int WIDTH = 512;

    public static void main(String[] args) throws IOException {
        byte[] rgb = new DataInputStream(System.in).readAllBytes();
        int height = rgb.length / (3 * WIDTH);
        if (height < 3) {
            System.out.println("sobel too small bytes=" + rgb.length);
            return;
        }
        short[] luma = new short[WIDTH * height];
        for (int p = 0, i = 0; p < luma.length; p++, i += 3) {
            int r = rgb[i] & 0xff, g = rgb[i + 1] & 0xff, b = rgb[i + 2] & 0xff;
            luma[p] = (short) ((77 * r + 150 * g + 29 * b) >> 8);
        }
        int[] orient = new int[8];
        long edges = 0, magSum = 0;
        int maxMag = 0;
        for (int y = 1; y < height - 1; y++) {
            int row = y * WIDTH;
            for (int x = 1; x < WIDTH - 1; x++) {
                int p = row + x;
                int tl = luma[p - WIDTH - 1], t = luma[p - WIDTH], tr = luma[p - WIDTH + 1];
                int l = luma[p - 1], rr = luma[p + 1];
                int bl = luma[p + WIDTH - 1], bt = luma[p + WIDTH], br = luma[p + WIDTH + 1];
                int gx = (tr + 2 * rr + br) - (tl + 2 * l + bl);
                int gy = (bl + 2 * bt + br) - (tl + 2 * t + tr);
                int mag = (int) Math.sqrt((double) gx * gx + (double) gy * gy);
                magSum += mag;
                if (mag > maxMag) maxMag = mag;
                if (mag > 120) {
                    edges++;
                    double ang = Math.atan2(gy, gx);
                    int bin = (int) Math.floor((ang + Math.PI) / (2 * Math.PI) * 8) & 7;
                    orient[bin]++;
                }
            }
        }
        System.out.println("sobel " + WIDTH + "x" + height + " edges=" + edges + " meanMag=" + (magSum / ((long) (WIDTH - 2) * (height - 2)))
                + " max=" + maxMag + " orient=" + java.util.Arrays.toString(orient));
    }
}
