public class RecTreeBuild {
    static final int DEPTH = __SIZE__;

    static final class Node {
        final Node left, right;
        final int value;

        Node(Node left, Node right, int value) { this.left = left; this.right = right; this.value = value; }
    }

    static Node build(int depth, int value) {
        if (depth == 0) return new Node(null, null, value);
        return new Node(build(depth - 1, 2 * value), build(depth - 1, 2 * value + 1), value);
    }

    static long sum(Node n) { return n == null ? 0 : n.value + sum(n.left) + sum(n.right); }

    static int countLeaves(Node n) { return n.left == null ? 1 : countLeaves(n.left) + countLeaves(n.right); }

    public static void main(String[] args) {
        Node root = build(DEPTH, 1);
        System.out.println("tree depth " + DEPTH + " leaves " + countLeaves(root) + " sum " + sum(root));
    }
}
