package cloud.aleph.flink.operators.crypto.ecc;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification with libsodium's acceptance rules ({@code crypto_sign_verify_detached},
 * used by the reference for TEZOS tz1 through pysodium): S canonical, R not of small order, the
 * public key canonical and not of small order, then the cofactorless equation (Bouncy Castle).
 */
public final class Ed25519Sodium {

    /** y-coordinates (little-endian, sign bit ignored) of the points of order 1, 2, 4 and 8, including non-canonical encodings of 0 and 1, as libsodium's blocklist. */
    private static final byte[][] SMALL_ORDER_Y = {
        hex("0000000000000000000000000000000000000000000000000000000000000000"),
        hex("0100000000000000000000000000000000000000000000000000000000000000"),
        hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
    };

    private Ed25519Sodium() {}

    public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
        if (signature.length != 64 || publicKey.length != 32) {
            return false;
        }
        if (hasSmallOrder(signature) || !isCanonical(publicKey) || hasSmallOrder(publicKey)) {
            return false;
        }
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    /**
     * {@code ge25519_has_small_order}: whether a point encoding (a public key, or the R half of a
     * signature) is on libsodium's blocklist.
     */
    public static boolean hasSmallOrder(byte[] encoded) {
        for (byte[] y : SMALL_ORDER_Y) {
            boolean same = true;
            for (int i = 0; i < 31 && same; i++) {
                same = encoded[i] == y[i];
            }
            if (same && (encoded[31] & 0x7F) == y[31]) {
                return true;
            }
        }
        return false;
    }

    /** {@code ge25519_is_canonical}: the y encoding (sign bit ignored) is below p. */
    static boolean isCanonical(byte[] encoded) {
        if ((encoded[31] & 0x7F) != 0x7F) {
            return true;
        }
        for (int i = 30; i > 0; i--) {
            if (encoded[i] != (byte) 0xFF) {
                return true;
            }
        }
        return (encoded[0] & 0xFF) < 0xED;
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
