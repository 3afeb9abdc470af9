import java.util.Map;
import java.util.TreeMap;

/**
 * Allocation-heavy ordered map: inserts `entries` Long keys with short String values into a
 * TreeMap, removes every `dropEvery`-th key shortly after inserting it and replaces some values,
 * keeping roughly two thirds of all entries live until the end (many small objects, O(n) heap).
 */
public class AllocTreeMapRetain {

    public static void main(String[] args) {
        Map<String, Integer> cfg = Map.of("entries", __SIZE__, "dropEvery", 3, "replaceEvery", 5);
        int entries = cfg.get("entries");
        int dropEvery = cfg.get("dropEvery"), replaceEvery = cfg.get("replaceEvery");
        TreeMap<Long, String> map = new TreeMap<>();
        long x = 0x853C49E6748FEA9BL, removed = 0, replaced = 0;
        long[] recent = new long[8];
        for (int i = 0; i < entries; i++) {
            x = x * 0x5851F42D4C957F2DL + 0x14057B7EF767814FL;
            long key = x >>> 20;
            map.put(key, "v" + (i & 0xFFF) + ":" + (key & 0xFF));
            recent[i & 7] = key;
            if (i % dropEvery == dropEvery - 1) {
                if (map.remove(recent[(i + 3) & 7]) != null) removed++;
            }
            if (i % replaceEvery == 0) {
                Map.Entry<Long, String> e = map.ceilingEntry(key ^ 0x5555L);
                if (e != null) { map.put(e.getKey(), e.getValue() + "!"); replaced++; }
            }
        }
        long chars = 0, keyMix = 0;
        for (Map.Entry<Long, String> e : map.entrySet()) { chars += e.getValue().length(); keyMix = keyMix * 31 + e.getKey(); }
        System.out.println("live " + map.size() + " removed " + removed + " replaced " + replaced
                + " chars " + chars + " mix " + Long.toHexString(keyMix) + " first " + map.firstKey());
    }
}
