import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public class MtAtomicCounters {
    static final int N = __SIZE__;
    static final int THREADS = 3;

    public static void main(String[] args) throws InterruptedException {
        AtomicLong maxSeen = new AtomicLong();
        LongAdder hits = new LongAdder();
        Thread[] ts = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            final long seed = t + 1;
            ts[t] = new Thread(() -> {
                long s = seed;
                for (int i = 0; i < N; i++) {
                    s ^= s << 13; s ^= s >>> 7; s ^= s << 17;
                    long v = s & 0xFFFFF;
                    if ((v & 1023) == 0) hits.increment();
                    long cur;
                    while (v > (cur = maxSeen.get()) && !maxSeen.compareAndSet(cur, v)) { }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        System.out.println("threads " + THREADS + " hits " + hits.sum() + " max " + maxSeen.get());
    }
}
