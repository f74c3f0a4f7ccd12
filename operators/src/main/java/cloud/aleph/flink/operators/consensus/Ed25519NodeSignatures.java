package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.codec.Hex;

/**
 * How an Ed25519 node key's signature is written in attestations and digests: {@code 0x} and the
 * 64-byte signature (R‖S) in 128 lower-case hex digits, like the {@code 0x}-prefixed secp256k1
 * signatures beside it. Read back with or without {@code 0x}, in either case.
 */
public final class Ed25519NodeSignatures {

    private static final int SIZE = 64;

    private Ed25519NodeSignatures() {}

    public static String encode(byte[] signature) {
        return "0x" + Hex.encode(signature);
    }

    /** The 64 signature bytes, or null when the text is not a signature in this form. */
    public static byte[] decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] signature = Hex.decode(text);
            return signature.length == SIZE ? signature : null;
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
