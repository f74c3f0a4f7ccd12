package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.crypto.ecc.Ed25519Sodium;
import java.util.Locale;

/**
 * An Ed25519 node key, known by its public key: a signature is its key's when it verifies over the
 * consensus text under libsodium's acceptance rules ({@link Ed25519Sodium}, which refuse
 * non-canonical and small-order encodings, so no other text of a signature passes for it).
 *
 * @param publicKeyHex 64 hex digits, stored in lower case
 */
public record Ed25519Identity(String publicKeyHex) implements CcnIdentity {

    private static final long serialVersionUID = 1L;

    /** What an Ed25519 identity (and node key) starts with in configuration. */
    public static final String PREFIX = "ed25519:";

    public Ed25519Identity {
        if (publicKeyHex == null || !publicKeyHex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("an ed25519 identity is ed25519:<64 hex> (the 32-byte public key), got '"
                    + PREFIX + publicKeyHex + "'");
        }
        publicKeyHex = publicKeyHex.toLowerCase(Locale.ROOT);
        if (Ed25519Sodium.hasSmallOrder(Hex.decode(publicKeyHex))) {
            throw new IllegalArgumentException("ed25519:" + publicKeyHex + " is a point of small order, not a public key");
        }
    }

    @Override
    public String text() {
        return PREFIX + publicKeyHex;
    }

    @Override
    public boolean signed(byte[] text, String signature, EvmVerifier secp256k1) {
        byte[] decoded = Ed25519NodeSignatures.decode(signature);
        if (decoded == null || text == null) {
            return false;
        }
        try {
            return Ed25519Sodium.verify(decoded, text, Hex.decode(publicKeyHex));
        } catch (RuntimeException e) {
            return false; // a signature must never fail the operator that checks it
        }
    }
}
