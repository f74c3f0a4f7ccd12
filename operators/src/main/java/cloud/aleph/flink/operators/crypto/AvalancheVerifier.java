package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.Bech32;
import cloud.aleph.flink.operators.crypto.codec.PyBase58;
import cloud.aleph.flink.operators.hash.Digests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * AVAX signatures (spec §3.2.8): the sender is {@code <chainId>-<hrp>1<data>}; the signature is
 * CB58 (base58 of {@code sig65 || last 4 bytes of SHA-256(sig65)}) of {@code r || s || recid};
 * the key is recovered from SHA-256 of {@code "\x1aAvalanche Signed Message:\n" + uint32_BE(len) +
 * buffer} and must give back {@code chainId + "-" + bech32("avax", hash160(key))}. The reference
 * catches every failure here, so nothing is an unexpected error.
 */
public final class AvalancheVerifier implements SignatureVerifier {

    private static final byte[] MESSAGE_PREFIX = "\u001aAvalanche Signed Message:\n".getBytes(StandardCharsets.UTF_8);

    private final CompactKeyRecovery keys;

    /** With the pure Java secp256k1 recovery. */
    public AvalancheVerifier() {
        this(new BouncyCastleSecp256k1Recovery());
    }

    /** @param recovery the secp256k1 public-key recovery (see {@link Secp256k1Recoveries}) */
    public AvalancheVerifier(Secp256k1Recovery recovery) {
        this.keys = new CompactKeyRecovery(recovery);
    }

    @Override
    public SignatureResult verify(SignedPayload payload) {
        return ReferenceFailures.CAUGHT_AS_INVALID.verify(this::check, payload);
    }

    private SignatureResult check(SignedPayload payload) {
        String sender = payload.sender();
        int dash = sender.indexOf('-');
        if (dash < 0 || sender.indexOf('1', dash + 1) < 0) {
            return SignatureResult.invalid("sender is not <chain id>-<bech32 address>");
        }
        String chainId = sender.substring(0, dash);

        byte[] cb58 = PyBase58.decode(payload.signature());
        byte[] signature = Arrays.copyOf(cb58, Math.max(0, cb58.length - 4));
        byte[] checksum = Arrays.copyOfRange(cb58, signature.length, cb58.length);
        byte[] expected = Digests.sha256(signature);
        if (!Arrays.equals(Arrays.copyOfRange(expected, 28, 32), checksum)) {
            return SignatureResult.invalid("Avalanche signature checksum error");
        }
        if (signature.length != 65) {
            return SignatureResult.invalid("Serialized signature must be 65 bytes long.");
        }
        byte[] key = keys.recoverCompressed(Arrays.copyOf(signature, 64), signature[64] & 0xFF, digest(payload));
        String address = chainId + "-" + Bech32.encodeBytes("avax", Digests.hash160(key));
        return address.equals(sender)
                ? SignatureResult.valid()
                : SignatureResult.invalid("signature recovers to " + address);
    }

    private static byte[] digest(SignedPayload payload) {
        byte[] buffer = payload.strictVerificationBuffer();
        ByteArrayOutputStream message = new ByteArrayOutputStream(buffer.length + 32);
        message.writeBytes(MESSAGE_PREFIX);
        int length = buffer.length;
        message.write(length >>> 24);
        message.write(length >>> 16);
        message.write(length >>> 8);
        message.write(length);
        message.writeBytes(buffer);
        return Digests.sha256(message.toByteArray());
    }
}
