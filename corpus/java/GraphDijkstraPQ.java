import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;

public class GraphDijkstraPQ {
    static final int V = __SIZE__;
    static final int DEG = 5;

    public static void main(String[] args) {
        Random r = new Random(21);
        int[] to = new int[V * DEG], w = new int[V * DEG];
        for (int i = 0; i < V * DEG; i++) {
            to[i] = i % DEG == 0 ? (i / DEG + 1) % V : r.nextInt(V);
            w[i] = 1 + r.nextInt(100);
        }
        long[] dist = new long[V];
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[0] = 0;
        PriorityQueue<long[]> pq = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        pq.add(new long[] {0, 0});
        while (!pq.isEmpty()) {
            long[] top = pq.poll();
            int u = (int) top[1];
            if (top[0] > dist[u]) continue;
            for (int k = u * DEG; k < u * DEG + DEG; k++) {
                long nd = top[0] + w[k];
                if (nd < dist[to[k]]) { dist[to[k]] = nd; pq.add(new long[] {nd, to[k]}); }
            }
        }
        System.out.println("dijkstra " + V + " far " + Arrays.stream(dist).max().getAsLong() + " sum " + Arrays.stream(dist).sum());
    }
}
