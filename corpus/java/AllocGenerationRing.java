import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Allocates short-lived event records in generations; a ring of the 12 newest generations stays live, older ones become garbage. */
public class AllocGenerationRing {
    static final long TOTAL = __SIZE__L;
    static final int GENERATION = 8192;
    static final int KEEP = 12;

    record Event(long id, String tag, int[] payload, Event parent) {
        long weight() { return id ^ payload.length ^ tag.length(); }
    }

    public static void main(String[] args) {
        ArrayDeque<List<Event>> ring = new ArrayDeque<>();
        long seed = 0x2545F4914F6CDD1DL;
        long checksum = 0, made = 0, dropped = 0;
        int maxPayload = 0;
        Event last = null;
        while (made < TOTAL) {
            int count = (int) Math.min(GENERATION, TOTAL - made);
            List<Event> gen = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                seed ^= seed << 13; seed ^= seed >>> 7; seed ^= seed << 17;   // xorshift64
                int len = (int) ((seed >>> 58) + 1);                        // 1..64 ints
                int[] payload = new int[len];
                payload[len - 1] = (int) seed;
                String tag = (seed & 3) == 0 ? "evt-" + (made & 1023) : "evt";
                Event parent = (seed & 7) == 1 && !gen.isEmpty() ? gen.get((int) ((seed >>> 20) % gen.size())) : null;
                Event e = new Event(made++, tag, payload, parent);
                gen.add(e);
                maxPayload = Math.max(maxPayload, len);
                last = e;
            }
            ring.addLast(gen);
            if (ring.size() > KEEP) {
                List<Event> old = ring.removeFirst();
                for (Event e : old) checksum += e.weight() + (e.parent() != null ? 1 : 0);
                dropped += old.size();
            }
        }
        long live = ring.stream().mapToLong(List::size).sum();
        System.out.println("generations made=" + made + " dropped=" + dropped + " live=" + live
                + " maxPayload=" + maxPayload + " checksum=" + checksum + " lastId=" + (last == null ? -1 : last.id()));
    }
}
