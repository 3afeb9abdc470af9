import java.util.Random;

/** Tarjan's strongly connected components without recursion: CSR arrays and explicit int stacks. */
public class GraphTarjanSccIter {
    private static final int VERTICES = __SIZE__;
    private static final int OUT_DEGREE = 3;

    public static void main(String[] args) {
        Random rnd = new Random(1234567L);
        int m = VERTICES * OUT_DEGREE;
        int[] from = new int[m], to = new int[m];
        for (int e = 0; e < m; e++) {
            int u = e / OUT_DEGREE;
            from[e] = u;
            // mostly local edges (forming cycles) plus some long jumps
            to[e] = rnd.nextInt(10) < 7 ? Math.floorMod(u + rnd.nextInt(41) - 20, VERTICES) : rnd.nextInt(VERTICES);
        }
        int[] start = new int[VERTICES + 1];
        for (int e = 0; e < m; e++) start[from[e] + 1]++;
        for (int v = 0; v < VERTICES; v++) start[v + 1] += start[v];
        int[] adj = new int[m];
        int[] fill = start.clone();
        for (int e = 0; e < m; e++) adj[fill[from[e]]++] = to[e];

        int[] index = new int[VERTICES], low = new int[VERTICES], comp = new int[VERTICES];
        java.util.Arrays.fill(index, -1);
        boolean[] onStack = new boolean[VERTICES];
        int[] sccStack = new int[VERTICES];
        int sp = 0;
        int[] callV = new int[VERTICES], callE = new int[VERTICES];
        int counter = 0, comps = 0, largest = 0;

        for (int root = 0; root < VERTICES; root++) {
            if (index[root] >= 0) continue;
            int depth = 0;
            callV[0] = root;
            callE[0] = start[root];
            index[root] = low[root] = counter++;
            sccStack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callV[depth];
                if (callE[depth] < start[v + 1]) {
                    int w = adj[callE[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        sccStack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callV[depth] = w;
                        callE[depth] = start[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int size = 0, w;
                        do {
                            w = sccStack[--sp];
                            onStack[w] = false;
                            comp[w] = comps;
                            size++;
                        } while (w != v);
                        comps++;
                        largest = Math.max(largest, size);
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callV[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        long h = 0;
        for (int v = 0; v < VERTICES; v += 97) h = h * 1_000_003 + comp[v];
        System.out.println("scc vertices=" + VERTICES + " components=" + comps + " largest=" + largest + " h=" + h);
    }
}
