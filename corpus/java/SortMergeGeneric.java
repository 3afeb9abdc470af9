import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public class SortMergeGeneric {
    static final int N = __SIZE__;

    static <T extends Comparable<T>> List<T> mergeSort(List<T> xs) {
        if (xs.size() <= 1) return xs;
        int mid = xs.size() / 2;
        List<T> left = mergeSort(new ArrayList<>(xs.subList(0, mid)));
        List<T> right = mergeSort(new ArrayList<>(xs.subList(mid, xs.size())));
        List<T> out = new ArrayList<>(xs.size());
        int i = 0, j = 0;
        while (i < left.size() && j < right.size())
            out.add(left.get(i).compareTo(right.get(j)) <= 0 ? left.get(i++) : right.get(j++));
        while (i < left.size()) out.add(left.get(i++));
        while (j < right.size()) out.add(right.get(j++));
        return out;
    }

    public static void main(String[] args) {
        Random r = new Random(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < N; i++) words.add(Integer.toString(r.nextInt(1 << 30), 36));
        List<String> sorted = mergeSort(words);
        System.out.println("merge-sorted " + sorted.size() + " strings, first " + sorted.get(0) + " last " + sorted.get(N - 1));
    }
}
