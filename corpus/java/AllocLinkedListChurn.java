import java.util.Iterator;
import java.util.LinkedList;

public class AllocLinkedListChurn {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        LinkedList<Long> list = new LinkedList<>();
        for (long i = 0; i < N; i++) list.add(i * 7 % 1009);
        for (int round = 0; round < 3; round++) {
            Iterator<Long> it = list.iterator();
            int k = 0;
            while (it.hasNext()) {
                it.next();
                if (k++ % (round + 2) == 0) it.remove();
            }
            for (long i = 0; i < N / 4; i++) list.addFirst(i);
        }
        long sum = 0;
        for (long v : list) sum += v;
        System.out.println("list size " + list.size() + " sum " + sum);
    }
}
