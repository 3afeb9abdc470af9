import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

public class HashBinaryStdin {
    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        MessageDigest md5 = MessageDigest.getInstance("MD5"), sha1 = MessageDigest.getInstance("SHA-1");
        InputStream in = System.in;
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            md5.update(buf, 0, n);
            sha1.update(buf, 0, n);
            total += n;
        }
        HexFormat hex = HexFormat.of();
        System.out.println("bytes " + total + " md5 " + hex.formatHex(md5.digest()).substring(0, 12) + " sha1 " + hex.formatHex(sha1.digest()).substring(0, 12));
    }
}
