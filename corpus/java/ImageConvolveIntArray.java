public class ImageConvolveIntArray {
    static final int W = __SIZE__;

    static int[] sharpen(int[] src, int w, int h) {
        int[] dst = new int[src.length];
        int[] k = {0, -1, 0, -1, 5, -1, 0, -1, 0};
        for (int y = 1; y < h - 1; y++)
            for (int x = 1; x < w - 1; x++) {
                int r = 0, g = 0, b = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++) {
                        int p = src[(y + dy) * w + x + dx], kv = k[(dy + 1) * 3 + dx + 1];
                        r += ((p >> 16) & 255) * kv;
                        g += ((p >> 8) & 255) * kv;
                        b += (p & 255) * kv;
                    }
                r = Math.min(255, Math.max(0, r));
                g = Math.min(255, Math.max(0, g));
                b = Math.min(255, Math.max(0, b));
                dst[y * w + x] = (r << 16) | (g << 8) | b;
            }
        return dst;
    }

    public static void main(String[] args) {
        int h = W * 3 / 4;
        int[] img = new int[W * h];
        long s = 1;
        for (int i = 0; i < img.length; i++) {
            s = s * 6364136223846793005L + 1;
            img[i] = (int) (s >>> 40);
        }
        int[] out = sharpen(sharpen(img, W, h), W, h);
        long sum = 0;
        for (int v : out) sum += v & 255;
        System.out.println("sharpened twice " + W + "x" + h + " blue sum " + sum);
    }
}
