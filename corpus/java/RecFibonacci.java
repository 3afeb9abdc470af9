public class RecFibonacci {
    static final int N = __SIZE__;

    static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) {
        System.out.println("fib(" + N + ") = " + fib(N));
    }
}
