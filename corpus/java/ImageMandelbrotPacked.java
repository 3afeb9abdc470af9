/**
 * Renders a Mandelbrot set into a packed ARGB int[] canvas (side x side), colours by escape
 * count through a 256-entry palette, downsamples 2x2 by averaging the channels into a second
 * int[], and reports a luminance histogram. Memory: 1.25 * side^2 ints.
 */
public class ImageMandelbrotPacked {

    static final class Canvas {
        final int side;
        final int[] argb;

        Canvas(int side) { this.side = side; this.argb = new int[side * side]; }

        void render(int maxIter, int[] palette) {
            double scale = 3.0 / side;
            for (int y = 0; y < side; y++) {
                double ci = -1.5 + y * scale;
                for (int x = 0; x < side; x++) {
                    double cr = -2.2 + x * scale, zr = 0, zi = 0;
                    int it = 0;
                    while (it < maxIter && zr * zr + zi * zi < 4.0) {
                        double t = zr * zr - zi * zi + cr;
                        zi = 2 * zr * zi + ci;
                        zr = t;
                        it++;
                    }
                    argb[y * side + x] = it == maxIter ? 0xFF000000 : palette[it & 255];
                }
            }
        }

        int[] downsample() {
            int h = side / 2;
            int[] out = new int[h * h];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < h; x++) {
                    int r = 0, g = 0, b = 0;
                    for (int dy = 0; dy < 2; dy++)
                        for (int dx = 0; dx < 2; dx++) {
                            int p = argb[(2 * y + dy) * side + 2 * x + dx];
                            r += (p >>> 16) & 255; g += (p >>> 8) & 255; b += p & 255;
                        }
                    out[y * h + x] = 0xFF000000 | (r / 4) << 16 | (g / 4) << 8 | (b / 4);
                }
            return out;
        }
    }

    public static void main(String[] args) {
        int[] palette = new int[256];
        for (int i = 0; i < 256; i++)
            palette[i] = 0xFF000000 | ((i * 7) & 255) << 16 | ((i * 3 + 40) & 255) << 8 | (255 - i);
        Canvas canvas = new Canvas(__SIZE__);
        canvas.render(96, palette);
        int[] small = canvas.downsample();
        int[] hist = new int[16];
        long sum = 0;
        for (int p : small) {
            int lum = (((p >>> 16) & 255) * 299 + ((p >>> 8) & 255) * 587 + (p & 255) * 114) / 1000;
            hist[lum >> 4]++;
            sum += lum;
        }
        System.out.println("side " + canvas.side + " meanLum " + (small.length == 0 ? 0 : sum / small.length)
                + " hist " + java.util.Arrays.toString(hist));
    }
}
