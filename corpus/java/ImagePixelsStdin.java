import java.io.IOException;

public class ImagePixelsStdin {
    static final int WIDTH = 512;

    public static void main(String[] args) throws IOException {
        byte[] raw = System.in.readAllBytes();
        int pixels = raw.length / 3, height = pixels / WIDTH;
        int[] gray = new int[pixels];
        int[] hist = new int[256];
        for (int i = 0; i < pixels; i++) {
            int r = raw[3 * i] & 0xFF, g = raw[3 * i + 1] & 0xFF, b = raw[3 * i + 2] & 0xFF;
            gray[i] = (r * 77 + g * 150 + b * 29) >> 8;
            hist[gray[i]]++;
        }
        // 3x3 median-free erosion: count pixels darker than all 4 neighbours
        long minima = 0;
        for (int y = 1; y < height - 1; y++)
            for (int x = 1; x < WIDTH - 1; x++) {
                int p = y * WIDTH + x, v = gray[p];
                if (v < gray[p - 1] && v < gray[p + 1] && v < gray[p - WIDTH] && v < gray[p + WIDTH]) minima++;
            }
        int mode = 0;
        for (int v = 1; v < 256; v++) if (hist[v] > hist[mode]) mode = v;
        System.out.println("pixels " + pixels + " rows " + height + " local minima " + minima + " mode " + mode);
    }
}
