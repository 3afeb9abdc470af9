import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

public class SearchTreeMapRange {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        Random r = new Random(11);
        TreeMap<Integer, String> tm = new TreeMap<>();
        for (int i = 0; i < N; i++) tm.put(r.nextInt(N * 10), "v" + i);
        long floorSum = 0, rangeCount = 0;
        for (int q = 0; q < N; q++) {
            int key = r.nextInt(N * 10);
            Map.Entry<Integer, String> e = tm.floorEntry(key);
            if (e != null) floorSum += e.getKey();
            if (q % 16 == 0) rangeCount += tm.subMap(key, key + 50).size();
        }
        System.out.println("treemap " + tm.size() + " floorSum " + floorSum % 1000003 + " ranges " + rangeCount);
    }
}
