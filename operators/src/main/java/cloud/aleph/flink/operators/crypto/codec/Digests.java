package cloud.aleph.flink.operators.crypto.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** The hash functions the chain verifiers combine (SHA-256 from the JDK: it is intrinsified). */
public final class Digests {

    private Digests() {}

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    public static byte[] doubleSha256(byte[] data) {
        return sha256(sha256(data));
    }

    public static byte[] ripemd160(byte[] data) {
        return run(new RIPEMD160Digest(), data);
    }

    /** RIPEMD-160 of SHA-256, the Bitcoin-style key hash used by Cosmos, NULS and Avalanche addresses. */
    public static byte[] hash160(byte[] data) {
        return ripemd160(sha256(data));
    }

    /** Unkeyed BLAKE2b with a digest of {@code bytes} bytes. */
    public static byte[] blake2b(int bytes, byte[] data) {
        return run(new Blake2bDigest(bytes * 8), data);
    }

    private static byte[] run(Digest digest, byte[] data) {
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
