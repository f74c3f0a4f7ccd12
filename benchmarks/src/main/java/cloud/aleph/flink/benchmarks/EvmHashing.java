package cloud.aleph.flink.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** The two keccak steps of the EVM check: EIP-191 personal_sign hash, and address from key. */
final class EvmHashing {

    private static final byte[] PREFIX = "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

    private EvmHashing() {}

    static byte[] personalMessageHash(byte[] message) {
        byte[] length = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(PREFIX, 0, PREFIX.length);
        keccak.update(length, 0, length.length);
        keccak.update(message, 0, message.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return out;
    }

    /** The 20 address bytes: the tail of keccak256 over the 64-byte key X‖Y. */
    static byte[] address(byte[] publicKeyXY) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(publicKeyXY, 0, publicKeyXY.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return Arrays.copyOfRange(out, 12, 32);
    }
}
