import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Producer thread -> ArrayBlockingQueue -> two worker Threads (hand-written FNV-1a over each message), poison-pill shutdown. */
public class MtBlockingQueuePipeline {
    static final int MESSAGES = __SIZE__;
    static final int WORKERS = 2;
    static final String POISON = new String("<eof>");

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(4096);
        AtomicLong sum = new AtomicLong();
        AtomicLong xor = new AtomicLong();
        long[] perWorker = new long[WORKERS];

        Thread producer = new Thread(() -> {
            long s = 88172645463325252L;
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    s ^= s << 13; s ^= s >>> 7; s ^= s << 17;
                    StringBuilder sb = new StringBuilder(64);
                    sb.append("msg#").append(i).append(':');
                    int words = 2 + (int) ((s >>> 60) & 7);
                    for (int w = 0; w < words; w++) sb.append(Long.toString((s >>> (w * 5)) & 0xfffff, 36)).append(' ');
                    queue.put(sb.toString());
                }
                for (int w = 0; w < WORKERS; w++) queue.put(POISON);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");

        Thread[] workers = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            final int id = w;
            workers[w] = new Thread(() -> {
                try {
                    while (true) {
                        String m = queue.take();
                        if (m == POISON) break;
                        long h = 0xcbf29ce484222325L;
                        for (int round = 0; round < 8; round++) {
                            for (int i = 0; i < m.length(); i++) {
                                h ^= m.charAt(i);
                                h *= 0x100000001b3L;
                            }
                        }
                        sum.addAndGet(h >>> 32);
                        xor.accumulateAndGet(h, (a, b) -> a ^ b);
                        perWorker[id]++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "worker-" + w);
        }
        producer.start();
        for (Thread t : workers) t.start();
        producer.join();
        for (Thread t : workers) t.join();
        long handled = 0;
        for (long c : perWorker) handled += c;
        System.out.println("pipeline messages=" + handled + " sum=" + sum.get() + " xor=" + Long.toHexString(xor.get()));
    }
}
