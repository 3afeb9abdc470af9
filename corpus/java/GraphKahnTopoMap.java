import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Build-system style dependency DAG keyed by String task names; Kahn's topological sort and critical path. */
public class GraphKahnTopoMap {

    interface Task { String name(); int cost(); }

    record Job(String name, int cost) implements Task {}

    public static void main(String[] args) {
        int size = __SIZE__;
        Random rnd = new Random(99);
        Map<String, Task> tasks = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        Map<String, Integer> indegree = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = "mod" + i + "/" + (i % 13 == 0 ? "lib" : "obj");
            names.add(name);
            tasks.put(name, new Job(name, 1 + rnd.nextInt(20)));
            dependents.put(name, new ArrayList<>());
            indegree.put(name, 0);
        }
        // edges only from lower to higher index keep the graph acyclic
        for (int i = 1; i < size; i++) {
            int deps = 1 + rnd.nextInt(4);
            for (int d = 0; d < deps; d++) {
                int j = Math.max(0, i - 1 - rnd.nextInt(Math.min(i, 200)));
                dependents.get(names.get(j)).add(names.get(i));
                indegree.merge(names.get(i), 1, Integer::sum);
            }
        }
        Deque<String> ready = new ArrayDeque<>();
        indegree.forEach((k, v) -> { if (v == 0) ready.add(k); });
        Map<String, Integer> finish = new HashMap<>();
        List<String> order = new ArrayList<>(size);
        while (!ready.isEmpty()) {
            String t = ready.poll();
            order.add(t);
            int done = finish.getOrDefault(t, 0) + tasks.get(t).cost();
            finish.put(t, done);
            for (String next : dependents.get(t)) {
                finish.merge(next, done, Math::max);
                if (indegree.merge(next, -1, Integer::sum) == 0) ready.add(next);
            }
        }
        TreeMap<Integer, Integer> histogram = new TreeMap<>();
        for (String t : order) histogram.merge(finish.get(t) / 100, 1, Integer::sum);
        int critical = finish.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.println("topo ordered " + order.size() + "/" + size + " critical=" + critical
                + " buckets=" + histogram.size() + " last=" + order.get(order.size() - 1));
    }
}
