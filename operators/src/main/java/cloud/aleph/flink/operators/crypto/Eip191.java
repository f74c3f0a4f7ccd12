package cloud.aleph.flink.operators.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * EIP-191 {@code personal_sign} hashing, as eth-account's {@code encode_defunct(text=…)}:
 * keccak256("\x19Ethereum Signed Message:\n" + decimal byte length + message).
 */
public final class Eip191 {

    private static final byte[] PREFIX = "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

    private Eip191() {}

    public static byte[] personalMessageHash(byte[] message) {
        byte[] length = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(PREFIX, 0, PREFIX.length);
        keccak.update(length, 0, length.length);
        keccak.update(message, 0, message.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return out;
    }
}
