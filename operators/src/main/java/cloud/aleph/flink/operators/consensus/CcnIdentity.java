package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.EvmVerifier;
import java.io.Serializable;

/**
 * The public side of a CCN's node key, as {@code aleph.consensus.members} registers it:
 * {@code 0x<40 hex>} (the EVM address of a secp256k1 key) or {@code ed25519:<64 hex>} (an Ed25519
 * public key). It decides whether a signature of a consensus text was made by that key.
 */
public sealed interface CcnIdentity extends Serializable permits Secp256k1Identity, Ed25519Identity {

    /** @throws IllegalArgumentException when the text is neither form */
    static CcnIdentity parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.regionMatches(true, 0, Ed25519Identity.PREFIX, 0, Ed25519Identity.PREFIX.length())) {
            return new Ed25519Identity(trimmed.substring(Ed25519Identity.PREFIX.length()));
        }
        if (trimmed.matches("0x[0-9a-fA-F]{40}")) {
            return new Secp256k1Identity(trimmed);
        }
        throw new IllegalArgumentException("a CCN identity is 0x<40 hex> (secp256k1) or ed25519:<64 hex>, got '" + text + "'");
    }

    /** The identity in its canonical form: lower-case hex. */
    String text();

    /**
     * Whether this identity's key signed {@code text}. Never throws: a malformed signature, or one
     * of the other algorithm, is simply not this key's.
     *
     * @param secp256k1 the recovery for secp256k1 signatures (the configured implementation)
     */
    boolean signed(byte[] text, String signature, EvmVerifier secp256k1);
}
