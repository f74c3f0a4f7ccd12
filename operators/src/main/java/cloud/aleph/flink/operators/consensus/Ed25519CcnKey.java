package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 node key: signs the UTF-8 consensus text itself (no prehash, no prefix), the
 * signature written as {@link Ed25519NodeSignatures} says; its identity is
 * {@code ed25519:<64 lower-case hex digits of the public key>}.
 */
public final class Ed25519CcnKey implements CcnKey {

    private final byte[] seed;
    private final byte[] publicKey;

    private Ed25519CcnKey(byte[] seed) {
        this.seed = seed;
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    }

    /** @param seedHex the 32-byte private key (seed) as exactly 64 hex digits, either case */
    static Ed25519CcnKey fromSeedHex(String seedHex) {
        if (!seedHex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("an ed25519 node key is ed25519: and 64 hex digits (the 32-byte seed), got "
                    + seedHex.length() + " characters" + (seedHex.matches("[0-9a-fA-F]*") ? "" : " not all hex"));
        }
        return new Ed25519CcnKey(Hex.decode(seedHex));
    }

    @Override
    public String identity() {
        return Ed25519Identity.PREFIX + Hex.encode(publicKey);
    }

    @Override
    public String sign(byte[] text) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, text, 0, text.length, signature, 0);
        return Ed25519NodeSignatures.encode(signature);
    }
}
