import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public class Sample {
    int branches(int a, int b) {
        if (a > 0 && b > 0) {
            return 1;
        } else if (a > 0 || b > 0) {
            return 2;
        }
        return a > b ? 3 : 4;
    }

    int loops(int n) {
        int s = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < n; j++) {
                s += i * j;
            }
        }
        List<Integer> xs = new ArrayList<>(16);
        for (int x : xs) {
            xs.add(x);
        }
        return s;
    }

    static long fact(long n) {
        return n <= 1 ? 1 : n * fact(n - 1);
    }

    String sw(int x) {
        switch (x) {
            case 1:
                return "one";
            default:
                return "other";
        }
    }

    void io() throws Exception {
        int[] arr = new int[64];
        Runnable r = () -> System.out.println("x");
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Pattern.compile("a+");
        }
    }
}
