package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.crypto.codec.BitcoinVarInt;
import cloud.aleph.flink.operators.crypto.codec.PyBase64;
import cloud.aleph.flink.operators.crypto.nuls.NulsAddress;
import cloud.aleph.flink.operators.hash.Digests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * NULS2 signatures (spec §3.2.6): base64 of a 65-byte compact recoverable signature
 * {@code header(27+recid) || r || s}; the key is recovered from a single SHA-256 of
 * {@code "\x18NULS Signed Message:\n" + varint(len) + buffer} and must rebuild the sender address
 * for the chain id read from the sender (1 = NULS, 2 = tNULS). A sender without either prefix makes
 * the reference raise NotImplementedError: an unexpected error, not a bad signature.
 */
public final class Nuls2Verifier implements SignatureVerifier {

    private static final byte[] MESSAGE_PREFIX = "\u0018NULS Signed Message:\n".getBytes(StandardCharsets.UTF_8);

    private final CompactKeyRecovery keys;

    /** With the pure Java secp256k1 recovery. */
    public Nuls2Verifier() {
        this(new BouncyCastleSecp256k1Recovery());
    }

    /** @param recovery the secp256k1 public-key recovery (see {@link Secp256k1Recoveries}) */
    public Nuls2Verifier(Secp256k1Recovery recovery) {
        this.keys = new CompactKeyRecovery(recovery);
    }

    @Override
    public SignatureResult verify(SignedPayload payload) {
        return ReferenceFailures.ONLY_VALUE_ERRORS_INVALID.verify(this::check, payload);
    }

    private SignatureResult check(SignedPayload payload) {
        byte[] signature = PyBase64.decode(payload.signature());
        byte[] senderHash = hashFromAddress(payload.sender());
        OptionalInt chainId = NulsAddress.chainId(senderHash);
        if (chainId.isEmpty()) {
            throw new VerifierInternalError("unpack requires a buffer of 2 bytes");
        }
        String prefix = switch (chainId.getAsInt()) {
            case 1 -> "NULS";
            case 2 -> "tNULS";
            default -> null;
        };
        if (prefix == null) {
            return SignatureResult.invalid("unsupported NULS chain id " + chainId.getAsInt());
        }
        byte[] key;
        try {
            key = recover(signature, payload.strictVerificationBuffer());
        } catch (IllegalArgumentException e) {
            return SignatureResult.invalid("NULS2 signature verification error: " + e.getMessage());
        }
        String address = NulsAddress.nuls2(prefix, NulsAddress.keyHash(chainId.getAsInt(), key));
        if (!address.equals(payload.sender())) {
            return SignatureResult.invalid("signature recovers to " + address);
        }
        return SignatureResult.valid();
    }

    /** nuls2 {@code hash_from_address}: drop the 5- or 6-character prefix, base58, drop the XOR byte. */
    private static byte[] hashFromAddress(String sender) {
        String rest;
        if (sender.startsWith("NULS")) {
            rest = sender.length() > 5 ? sender.substring(5) : "";
        } else if (sender.startsWith("tNULS")) {
            rest = sender.length() > 6 ? sender.substring(6) : "";
        } else {
            throw new VerifierInternalError("transfers on other chains not implemented yet!");
        }
        byte[] decoded = Base58.decode(rest);
        return Arrays.copyOf(decoded, Math.max(0, decoded.length - 1));
    }

    private byte[] recover(byte[] signature, byte[] buffer) {
        if (signature.length != 65) {
            throw new IllegalArgumentException("Not a 65-byte compact signature.");
        }
        int recoveryId = (signature[0] & 0xFF) - 27;
        if (recoveryId < 0 || recoveryId > 3) {
            throw new IllegalArgumentException("Recovery ID " + recoveryId + " is not supported.");
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream(buffer.length + 32);
        message.writeBytes(MESSAGE_PREFIX);
        message.writeBytes(BitcoinVarInt.encode(buffer.length));
        message.writeBytes(buffer);
        byte[] digest = Digests.sha256(message.toByteArray());
        return keys.recoverCompressed(Arrays.copyOfRange(signature, 1, 65), recoveryId, digest);
    }
}
