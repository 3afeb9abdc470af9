import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

public class GraphBfsArrayDeque {
    static final int V = __SIZE__;

    public static void main(String[] args) {
        Random r = new Random(8);
        List<List<Integer>> adj = new ArrayList<>(V);
        for (int i = 0; i < V; i++) adj.add(new ArrayList<>());
        for (int v = 1; v < V; v++) {
            int u = r.nextInt(v);
            adj.get(u).add(v);
            adj.get(v).add(u);
        }
        for (int e = 0; e < 2 * V; e++) {
            int a = r.nextInt(V), b = r.nextInt(V);
            adj.get(a).add(b);
            adj.get(b).add(a);
        }
        int[] dist = new int[V];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> q = new ArrayDeque<>();
        dist[0] = 0;
        q.add(0);
        while (!q.isEmpty()) {
            int u = q.poll();
            for (int w : adj.get(u)) if (dist[w] < 0) { dist[w] = dist[u] + 1; q.add(w); }
        }
        System.out.println("bfs " + V + " ecc " + Arrays.stream(dist).max().getAsInt() + " sum " + Arrays.stream(dist).asLongStream().sum());
    }
}
