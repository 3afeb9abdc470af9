import java.util.Random;

public class StringBuilderOps {
    static final int N = __SIZE__;

    public static void main(String[] args) {
        Random r = new Random(10);
        String[] syl = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < N; i++) {
            sb.append(syl[r.nextInt(8)]).append(syl[r.nextInt(8)]);
            sb.append(i % 10 == 9 ? '\n' : ' ');
        }
        String text = sb.toString();
        String upper = text.toUpperCase();
        String[] lines = upper.split("\n");
        StringBuilder rev = new StringBuilder();
        for (String line : lines) rev.append(new StringBuilder(line).reverse()).append('\n');
        String replaced = rev.toString().replace("AK", "ak");
        int vowels = 0;
        for (int i = 0; i < replaced.length(); i++) if ("AEIOUaeiou".indexOf(replaced.charAt(i)) >= 0) vowels++;
        System.out.println("chars " + replaced.length() + " lines " + lines.length + " vowels " + vowels + " hash " + replaced.hashCode());
    }
}
