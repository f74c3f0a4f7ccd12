package cloud.aleph.flink.operators.crypto.sr25519;

import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.hash.Digests;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * A minimal schnorrkel signer for tests (signing context "substrate"): s = r + k·x with
 * k = challenge(transcript), R = r·B, marker bit set. Only tests sign; production only verifies.
 */
public final class Sr25519TestSigner {

    private final BigInteger secret;
    private final byte[] publicKey;
    private final Random nonces;

    public Sr25519TestSigner(long seed) {
        nonces = new Random(seed);
        secret = new BigInteger(300, nonces).mod(Sr25519.L);
        publicKey = Ristretto255.encode(EdwardsPoint.BASE.times(secret));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Generic Substrate (format 42) SS58 address of the key. */
    public String ss58Address() {
        byte[] body = new byte[33];
        body[0] = 42;
        System.arraycopy(publicKey, 0, body, 1, 32);
        byte[] prefixed = new byte[7 + 33];
        System.arraycopy("SS58PRE".getBytes(StandardCharsets.US_ASCII), 0, prefixed, 0, 7);
        System.arraycopy(body, 0, prefixed, 7, 33);
        byte[] checksum = Digests.blake2b(64, prefixed);
        byte[] full = Arrays.copyOf(body, 35);
        full[33] = checksum[0];
        full[34] = checksum[1];
        return Base58.encode(full);
    }

    public byte[] sign(byte[] message) {
        BigInteger r = new BigInteger(300, nonces).mod(Sr25519.L);
        byte[] encodedR = Ristretto255.encode(EdwardsPoint.BASE.times(r));
        BigInteger k = Sr25519.challenge(publicKey, encodedR, message);
        BigInteger s = r.add(k.multiply(secret)).mod(Sr25519.L);
        byte[] signature = new byte[64];
        System.arraycopy(encodedR, 0, signature, 0, 32);
        System.arraycopy(Field25519.toLittleEndian32(s), 0, signature, 32, 32);
        signature[63] |= (byte) 0x80;
        return signature;
    }
}
