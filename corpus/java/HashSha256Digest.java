import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

public class HashSha256Digest {
    static final int ROUNDS = __SIZE__;

    public static void main(String[] args) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] d = "presize".getBytes();
        ByteBuffer counter = ByteBuffer.allocate(4);
        for (int i = 0; i < ROUNDS; i++) {
            sha.update(d);
            counter.clear();
            counter.putInt(i);
            sha.update(counter.array());
            d = sha.digest();
        }
        byte[] md5 = MessageDigest.getInstance("MD5").digest(d);
        System.out.println("rounds " + ROUNDS + " sha256 " + HexFormat.of().formatHex(d).substring(0, 16) + " md5 " + HexFormat.of().formatHex(md5).substring(0, 8));
    }
}
