import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

public class SortCollectionsRecords {
    static final int N = __SIZE__;

    record Employee(String dept, int age, double salary, int id) {}

    public static void main(String[] args) {
        Random rnd = new Random(42);
        String[] depts = {"eng", "ops", "sales", "hr", "legal"};
        List<Employee> staff = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            staff.add(new Employee(depts[rnd.nextInt(depts.length)], 20 + rnd.nextInt(45), 30000 + rnd.nextInt(90000), i));
        }
        Collections.sort(staff, Comparator.comparing(Employee::dept)
                .thenComparing(Employee::salary, Comparator.reverseOrder())
                .thenComparingInt(Employee::id));
        Employee first = staff.get(0), last = staff.get(N - 1);
        System.out.println("sorted " + N + " first " + first.dept() + "/" + first.salary() + " last " + last.dept() + "/" + last.id());
    }
}
