package cloud.aleph.flink.operators.consensus;

import java.util.Locale;

/**
 * A CCN's node key: signs the CCN's attestations and epoch digests. Parsed from configuration
 * ({@code aleph.ccn.private-key}):
 *
 * <ul>
 *   <li>{@code <hex>} or {@code secp256k1:<hex>}: a secp256k1 private key (32 bytes, {@code 0x}
 *       optional), signing with EIP-191 personal_sign; its identity is the key's EVM address;
 *   <li>{@code ed25519:<64 hex digits>}: an Ed25519 private key (the 32-byte seed), signing the
 *       text itself; its identity is {@code ed25519:<64 hex digits of the public key>}.
 * </ul>
 *
 * The identity is what {@code aleph.consensus.members} registers for the CCN ({@link CcnIdentity}).
 * Error messages never repeat the key.
 */
public sealed interface CcnKey permits Secp256k1CcnKey, Ed25519CcnKey {

    /** @throws IllegalArgumentException when the text is not a node key of a known type */
    static CcnKey parse(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("a node key is <hex>, secp256k1:<hex> or ed25519:<64 hex>; got nothing");
        }
        String text = configured.trim();
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Secp256k1CcnKey.fromHex(text); // the original format, before node keys had a type
        }
        String type = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String key = text.substring(colon + 1);
        return switch (type) {
            case "secp256k1" -> Secp256k1CcnKey.fromHex(key);
            case "ed25519" -> Ed25519CcnKey.fromSeedHex(key);
            // Only a short alphanumeric type is echoed: whatever else precedes the colon may be key material.
            default -> throw new IllegalArgumentException("unknown node key type"
                    + (type.matches("[a-z0-9-]{1,16}") ? " '" + type + "'" : "") + ": use secp256k1:<hex> or ed25519:<64 hex>");
        };
    }

    /** The public identity registered for the CCN in {@code aleph.consensus.members}. */
    String identity();

    /** The signature of a consensus text ({@link ConsensusTexts}). */
    String sign(byte[] text);
}
