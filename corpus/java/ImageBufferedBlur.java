import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;

public class ImageBufferedBlur {
    static final int W = __SIZE__;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, W, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < W; y++)
            for (int x = 0; x < W; x++) img.setRGB(x, y, ((x * 255 / W) << 16) | ((y * 255 / W) << 8) | ((x ^ y) & 255));
        float[] k = new float[25];
        java.util.Arrays.fill(k, 1f / 25f);
        BufferedImage out = new ConvolveOp(new Kernel(5, 5, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        long sum = 0;
        for (int y = 0; y < W; y += 3)
            for (int x = 0; x < W; x += 3) sum += out.getRGB(x, y) & 0xFF;
        System.out.println("convolved " + W + "x" + W + " sample sum " + sum);
    }
}
