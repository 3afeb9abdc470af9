import java.util.Random;

/** A generic skip list (probabilistic levels) used as an ordered map; inserts, point and ceiling searches. */
public class SearchSkipListMap {

    static final class SkipList<K extends Comparable<K>, V> {
        private static final int MAX_LEVEL = 24;

        private final class Node {
            final K key;
            V value;
            @SuppressWarnings("unchecked")
            final Node[] next;

            @SuppressWarnings("unchecked")
            Node(K key, V value, int level) {
                this.key = key;
                this.value = value;
                this.next = (Node[]) java.lang.reflect.Array.newInstance(Node.class, level);
            }
        }

        private final Node head = new Node(null, null, MAX_LEVEL);
        private final Random levels;
        private int level = 1;
        private int size;

        SkipList(long seed) { levels = new Random(seed); }

        private int randomLevel() {
            int l = 1;
            while (l < MAX_LEVEL && levels.nextInt(4) == 0) l++;
            return l;
        }

        @SuppressWarnings("unchecked")
        void put(K key, V value) {
            Node[] update = (Node[]) java.lang.reflect.Array.newInstance(Node.class, MAX_LEVEL);
            Node x = head;
            for (int i = level - 1; i >= 0; i--) {
                while (x.next[i] != null && x.next[i].key.compareTo(key) < 0) x = x.next[i];
                update[i] = x;
            }
            Node nx = x.next[0];
            if (nx != null && nx.key.compareTo(key) == 0) { nx.value = value; return; }
            int l = randomLevel();
            if (l > level) {
                for (int i = level; i < l; i++) update[i] = head;
                level = l;
            }
            Node n = new Node(key, value, l);
            for (int i = 0; i < l; i++) {
                n.next[i] = update[i].next[i];
                update[i].next[i] = n;
            }
            size++;
        }

        V get(K key) {
            Node x = head;
            for (int i = level - 1; i >= 0; i--) {
                while (x.next[i] != null && x.next[i].key.compareTo(key) < 0) x = x.next[i];
            }
            x = x.next[0];
            return (x != null && x.key.compareTo(key) == 0) ? x.value : null;
        }

        K ceilingKey(K key) {
            Node x = head;
            for (int i = level - 1; i >= 0; i--) {
                while (x.next[i] != null && x.next[i].key.compareTo(key) < 0) x = x.next[i];
            }
            x = x.next[0];
            return x == null ? null : x.key;
        }

        int size() { return size; }
    }

    private final int n;

    SearchSkipListMap(int n) { this.n = n; }

    String run() {
        Random rnd = new Random(4242);
        SkipList<Integer, String> list = new SkipList<>(7);
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(n * 4);
            list.put(k, "v" + (k % 1000));
        }
        int hits = 0;
        long ceilSum = 0;
        for (int q = 0; q < 2 * n; q++) {
            int k = rnd.nextInt(n * 4);
            String v = list.get(k);
            if (v != null) hits += v.length();
            Integer c = list.ceilingKey(k);
            if (c != null) ceilSum += c - k;
        }
        return "skiplist size=" + list.size() + " hits=" + hits + " gap=" + ceilSum;
    }

    public static void main(String[] args) {
        System.out.println(new SearchSkipListMap(__SIZE__).run());
    }
}
