import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a SHA-256 Merkle tree over n generated 64-byte leaves with java.security.MessageDigest,
 * keeping every level as a List of 32-byte arrays (about 2n small byte[] objects live), then
 * verifies an inclusion proof for 64 leaves against the root.
 */
public class HashMerkleSha256 {

    static byte[] hashPair(MessageDigest md, byte[] a, byte[] b) {
        md.update((byte) 1);
        md.update(a);
        md.update(b);
        return md.digest();
    }

    static List<List<byte[]>> merkle(int leaves) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<List<byte[]>> levels = new ArrayList<>();
        List<byte[]> level = new ArrayList<>(leaves);
        ByteBuffer leaf = ByteBuffer.allocate(64);
        for (int i = 0; i < leaves; i++) {
            leaf.clear();
            for (int w = 0; w < 8; w++) leaf.putLong((long) i * 0x9E3779B97F4A7C15L ^ ((long) w << 56));
            md.update((byte) 0);
            md.update(leaf.array());
            level.add(md.digest());
        }
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                byte[] right = i + 1 < level.size() ? level.get(i + 1) : level.get(i);
                up.add(hashPair(md, level.get(i), right));
            }
            levels.add(up);
            level = up;
        }
        return levels;
    }

    static boolean verify(List<List<byte[]>> levels, int index, MessageDigest md) {
        byte[] h = levels.get(0).get(index);
        int idx = index;
        for (int d = 0; d < levels.size() - 1; d++) {
            List<byte[]> lv = levels.get(d);
            int sib = idx ^ 1;
            byte[] s = sib < lv.size() ? lv.get(sib) : lv.get(idx);
            h = (idx & 1) == 0 ? hashPair(md, h, s) : hashPair(md, s, h);
            idx >>= 1;
        }
        return Arrays.equals(h, levels.get(levels.size() - 1).get(0));
    }

    public static void main(String[] args) throws Exception {
        List<List<byte[]>> levels = merkle(__SIZE__);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        int n = levels.get(0).size(), ok = 0;
        for (int k = 0; k < 64; k++) if (verify(levels, (int) ((k * 2654435761L) % n), md)) ok++;
        byte[] root = levels.get(levels.size() - 1).get(0);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 8; i++) hex.append(String.format("%02x", root[i]));
        System.out.println("leaves " + n + " depth " + levels.size() + " proofs ok " + ok + " root " + hex);
    }
}
