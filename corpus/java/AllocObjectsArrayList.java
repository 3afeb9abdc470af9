import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class AllocObjectsArrayList {
    static final int N = __SIZE__;

    static final class Point {
        final double x, y;
        final String label;

        Point(double x, double y, String label) { this.x = x; this.y = y; this.label = label; }
    }

    public static void main(String[] args) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < N; i++) pts.add(new Point(i * 0.5, i % 1000, "p" + (i % 5000)));
        Map<String, List<Point>> byLabel = new HashMap<>();
        for (Point p : pts) byLabel.computeIfAbsent(p.label, k -> new ArrayList<>()).add(p);
        double cx = 0;
        for (Point p : pts) cx += p.x;
        System.out.printf("points %d labels %d centroid %.3f%n", pts.size(), byLabel.size(), cx / N);
    }
}
