import java.util.BitSet;

/** Procedural grey image in float[], Floyd-Steinberg error diffusion vs 4x4 Bayer ordered dithering into BitSets. */
public class ImageFloydDither {
    static final int W = __SIZE__, H = W * 3 / 4;

    static final int[][] BAYER = {
        {0, 8, 2, 10}, {12, 4, 14, 6}, {3, 11, 1, 9}, {15, 7, 13, 5}
    };

    static float[] render() {
        float[] img = new float[W * H];
        double cx = W * 0.4, cy = H * 0.55;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double dx = x - cx, dy = y - cy;
                double rr = Math.sqrt(dx * dx + dy * dy) / W;
                double v = 0.5 + 0.3 * Math.sin(rr * 40) * Math.exp(-rr * 2) + 0.2 * ((double) x / W - 0.5);
                img[y * W + x] = (float) Math.max(0, Math.min(1, v));
            }
        }
        return img;
    }

    public static void main(String[] args) {
        float[] img = render();
        float[] work = img.clone();
        BitSet fs = new BitSet(W * H);
        for (int y = 0; y < H; y++) {
            boolean ltr = (y & 1) == 0;          // serpentine scan
            for (int k = 0; k < W; k++) {
                int x = ltr ? k : W - 1 - k;
                int p = y * W + x;
                float old = work[p];
                float nv = old >= 0.5f ? 1f : 0f;
                if (nv > 0) fs.set(p);
                float err = old - nv;
                int dir = ltr ? 1 : -1;
                if (x + dir >= 0 && x + dir < W) work[p + dir] += err * 7 / 16f;
                if (y + 1 < H) {
                    if (x - dir >= 0 && x - dir < W) work[p + W - dir] += err * 3 / 16f;
                    work[p + W] += err * 5 / 16f;
                    if (x + dir >= 0 && x + dir < W) work[p + W + dir] += err * 1 / 16f;
                }
            }
        }
        BitSet ordered = new BitSet(W * H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float t = (BAYER[y & 3][x & 3] + 0.5f) / 16f;
                if (img[y * W + x] > t) ordered.set(y * W + x);
            }
        }
        double mean = 0;
        for (float v : img) mean += v;
        mean /= img.length;
        BitSet diff = (BitSet) fs.clone();
        diff.xor(ordered);
        System.out.printf("dither %dx%d mean=%.4f fsWhite=%d bayerWhite=%d differ=%d%n", W, H, mean, fs.cardinality(), ordered.cardinality(), diff.cardinality());
    }
}
