import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public class JsonBuilderRecords {
    static final int N = __SIZE__;

    static final class Order {
        final long id;
        final String customer;
        final List<Double> items = new ArrayList<>();
        final boolean paid;

        Order(long id, String customer, boolean paid) { this.id = id; this.customer = customer; this.paid = paid; }

        void toJson(StringBuilder sb) {
            sb.append("{\"id\":").append(id).append(",\"customer\":\"").append(customer.replace("\"", "\\\"")).append("\",\"paid\":").append(paid).append(",\"items\":[");
            for (int k = 0; k < items.size(); k++) {
                if (k > 0) sb.append(',');
                sb.append(items.get(k));
            }
            sb.append("]}");
        }
    }

    public static void main(String[] args) {
        Random r = new Random(23);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Order o = new Order(i, "cust\"" + r.nextInt(5000), r.nextBoolean());
            int k = 1 + r.nextInt(6);
            for (int j = 0; j < k; j++) o.items.add(Math.round(r.nextDouble() * 10000) / 100.0);
            orders.add(o);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < orders.size(); i++) {
            if (i > 0) sb.append(',');
            orders.get(i).toJson(sb);
        }
        sb.append(']');
        String json = sb.toString();
        long braces = json.chars().filter(ch -> ch == '{').count();
        System.out.println("json chars " + json.length() + " objects " + braces);
    }
}
