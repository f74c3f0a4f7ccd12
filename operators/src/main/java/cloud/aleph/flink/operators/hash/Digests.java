package cloud.aleph.flink.operators.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * The hash functions of item hashes, addresses and signatures. SHA-256 runs on the JDK's
 * MessageDigest, which HotSpot compiles to the SHA-NI instructions (about 8× Bouncy Castle's
 * SHA256Digest, see the crypto performance notes); one instance per thread avoids the provider
 * lookup on every call. Thread-safe.
 */
public final class Digests {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Digests::newSha256);

    private Digests() {}

    public static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
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

    /** Keccak-256 as Ethereum uses it (the original padding, not SHA3-256). */
    public static byte[] keccak256(byte[] data) {
        return run(new KeccakDigest(256), data);
    }

    private static byte[] run(Digest digest, byte[] data) {
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
