import java.util.Random;

public class GraphUnionFind {
    static final int V = __SIZE__;

    static final class DisjointSet {
        private final int[] parent, size;
        int sets;

        DisjointSet(int n) {
            parent = new int[n];
            size = new int[n];
            sets = n;
            for (int i = 0; i < n; i++) { parent[i] = i; size[i] = 1; }
        }

        int find(int x) {
            int root = x;
            while (parent[root] != root) root = parent[root];
            while (parent[x] != root) { int n = parent[x]; parent[x] = root; x = n; }
            return root;
        }

        void union(int a, int b) {
            a = find(a); b = find(b);
            if (a == b) return;
            if (size[a] < size[b]) { int t = a; a = b; b = t; }
            parent[b] = a;
            size[a] += size[b];
            sets--;
        }
    }

    public static void main(String[] args) {
        DisjointSet ds = new DisjointSet(V);
        Random r = new Random(99);
        int unions = V / 2 + V / 4;
        for (int i = 0; i < unions; i++) ds.union(r.nextInt(V), r.nextInt(V));
        int biggest = 0;
        for (int i = 0; i < V; i++) if (ds.find(i) == i) biggest = Math.max(biggest, ds.size[i]);
        System.out.println("components " + ds.sets + " of " + V + " biggest " + biggest);
    }
}
