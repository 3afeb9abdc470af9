/**
 * All-pairs shortest paths by Floyd-Warshall on a flat row-major int[] distance matrix of a sparse
 * random digraph (about 6 out-edges per vertex). Memory is the V*V matrix; time is V^3.
 */
public class GraphFloydWarshallFlat {
    static final int INF = Integer.MAX_VALUE / 4;

    public static void main(String[] args) {
        int vertices = __SIZE__;
        int[] d = new int[vertices * vertices];
        java.util.Arrays.fill(d, INF);
        long seed = 42;
        for (int v = 0; v < vertices; v++) {
            d[v * vertices + v] = 0;
            for (int e = 0; e < 6; e++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int w = (int) ((seed >>> 33) % vertices);
                int cost = 1 + (int) ((seed >>> 20) & 255);
                int idx = v * vertices + w;
                if (cost < d[idx]) d[idx] = cost;
            }
        }
        for (int k = 0; k < vertices; k++) {
            int rowK = k * vertices;
            for (int i = 0; i < vertices; i++) {
                int rowI = i * vertices;
                int dik = d[rowI + k];
                if (dik == INF) continue;
                for (int j = 0; j < vertices; j++) {
                    int via = dik + d[rowK + j];
                    if (via < d[rowI + j]) d[rowI + j] = via;
                }
            }
        }
        long reachable = 0, total = 0;
        int diameter = 0;
        for (int x : d) {
            if (x < INF) {
                reachable++;
                total += x;
                if (x > diameter) diameter = x;
            }
        }
        System.out.printf("V=%d reachable=%d sum=%d diameter=%d%n", vertices, reachable, total, diameter);
    }
}
