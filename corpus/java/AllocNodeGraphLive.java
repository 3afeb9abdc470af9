import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds a large live object graph (nodes with ArrayList neighbours, labels and weights) and traverses it; nothing is freed before the end. */
public class AllocNodeGraphLive {

    static final class Node {
        final int id;
        final String label;
        final List<Node> out = new ArrayList<>(4);
        final double[] weights;
        boolean seen;

        Node(int id, double w) {
            this.id = id;
            this.label = "n" + Integer.toString(id, 36);
            this.weights = new double[] {w, w * 0.5};
        }
    }

    private final List<Node> nodes;

    AllocNodeGraphLive(int count) {
        nodes = new ArrayList<>(count);
        SplittableRandom r = new SplittableRandom(31);
        for (int i = 0; i < count; i++) nodes.add(new Node(i, r.nextDouble()));
        for (int i = 0; i < count; i++) {
            Node n = nodes.get(i);
            int deg = 1 + r.nextInt(4);
            for (int d = 0; d < deg; d++) {
                int j = r.nextInt(10) < 8 ? (i + 1 + r.nextInt(64)) % count : r.nextInt(count);
                n.out.add(nodes.get(j));
            }
        }
    }

    String traverse() {
        ArrayDeque<Node> queue = new ArrayDeque<>();
        Node start = nodes.get(0);
        start.seen = true;
        queue.add(start);
        long reached = 0, edges = 0, labelChars = 0;
        double weight = 0;
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            reached++;
            labelChars += n.label.length();
            weight += n.weights[0] - n.weights[1];
            for (Node m : n.out) {
                edges++;
                if (!m.seen) { m.seen = true; queue.add(m); }
            }
        }
        return String.format("graph nodes=%d reached=%d edges=%d labelChars=%d weight=%.3f", nodes.size(), reached, edges, labelChars, weight);
    }

    public static void main(String[] args) {
        System.out.println(new AllocNodeGraphLive(__SIZE__).traverse());
    }
}
