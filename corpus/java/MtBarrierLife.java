import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Conway's Game of Life on a side x side torus stored in two byte[] buffers, advanced 40
 * generations by 4 platform threads that each own a band of rows; a CyclicBarrier whose action
 * swaps the buffers separates generations. Memory: 2 * side^2 bytes.
 */
public class MtBarrierLife {
    static final int THREADS = 4, GENERATIONS = 40;

    final int side;
    byte[] cur, next;
    final CyclicBarrier barrier;

    MtBarrierLife(int side) {
        this.side = side;
        cur = new byte[side * side];
        next = new byte[side * side];
        int s = 0x1234567;
        for (int i = 0; i < cur.length; i++) { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; cur[i] = (byte) ((s & 7) < 3 ? 1 : 0); }
        barrier = new CyclicBarrier(THREADS, () -> { byte[] t = cur; cur = next; next = t; });
    }

    void band(int y0, int y1) {
        int n = side;
        for (int y = y0; y < y1; y++) {
            int up = ((y + n - 1) % n) * n, row = y * n, down = ((y + 1) % n) * n;
            for (int x = 0; x < n; x++) {
                int l = x == 0 ? n - 1 : x - 1, r = x == n - 1 ? 0 : x + 1;
                int c = cur[up + l] + cur[up + x] + cur[up + r] + cur[row + l] + cur[row + r]
                        + cur[down + l] + cur[down + x] + cur[down + r];
                next[row + x] = (byte) (c == 3 || (c == 2 && cur[row + x] == 1) ? 1 : 0);
            }
        }
    }

    long run() throws InterruptedException {
        Thread[] workers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int y0 = side * t / THREADS, y1 = side * (t + 1) / THREADS;
            workers[t] = new Thread(() -> {
                try {
                    for (int g = 0; g < GENERATIONS; g++) { band(y0, y1); barrier.await(); }
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new RuntimeException(e);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) w.join();
        long alive = 0;
        for (byte b : cur) alive += b;
        return alive;
    }

    public static void main(String[] args) throws InterruptedException {
        MtBarrierLife life = new MtBarrierLife(__SIZE__);
        System.out.println("side " + life.side + " alive after " + GENERATIONS + " generations: " + life.run());
    }
}
