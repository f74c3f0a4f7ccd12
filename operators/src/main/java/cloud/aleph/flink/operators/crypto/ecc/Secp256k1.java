package cloud.aleph.flink.operators.crypto.ecc;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * secp256k1 domain, key parsing and ECDSA verification with libsecp256k1's rules (what coincurve,
 * used by the reference for NULS and TEZOS tz2, applies). Bouncy Castle's optimised custom curve.
 */
public final class Secp256k1 {

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    public static final ECDomainParameters DOMAIN =
            new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
    public static final BigInteger N = PARAMS.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);

    private Secp256k1() {}

    /**
     * {@code secp256k1_ec_pubkey_parse}: 33-byte compressed (02/03) or 65-byte uncompressed (04)
     * or hybrid (06/07, parity must match) keys, coordinates below p, point on the curve.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static ECPoint parsePublicKey(byte[] encoded) {
        boolean compressed = encoded.length == 33 && (encoded[0] == 2 || encoded[0] == 3);
        boolean full = encoded.length == 65 && (encoded[0] == 4 || encoded[0] == 6 || encoded[0] == 7);
        if (!compressed && !full) {
            throw new IllegalArgumentException("The public key could not be parsed or is invalid.");
        }
        return DOMAIN.getCurve().decodePoint(encoded);
    }

    /** The 33-byte SEC1 compressed form. */
    public static byte[] compressed(ECPoint point) {
        return point.getEncoded(true);
    }

    /** The 33-byte SEC1 compressed form of an uncompressed key given as X‖Y (64 bytes). */
    public static byte[] compressed(byte[] publicKeyXY) {
        if (publicKeyXY.length != 64) {
            throw new IllegalArgumentException("an uncompressed public key has 64 bytes, got " + publicKeyXY.length);
        }
        byte[] out = new byte[33];
        out[0] = (byte) (0x02 | (publicKeyXY[63] & 1));
        System.arraycopy(publicKeyXY, 0, out, 1, 32);
        return out;
    }

    public static boolean isHighS(BigInteger s) {
        return s.compareTo(HALF_N) > 0;
    }

    /** {@code secp256k1_ecdsa_verify}: a high-S signature is rejected (libsecp256k1 enforces low-S). */
    public static boolean verifyLowS(ECPoint publicKey, byte[] digest32, BigInteger r, BigInteger s) {
        return !isHighS(s) && EcdsaMath.verify(DOMAIN, publicKey, digest32, r, s);
    }

    /** Plain ECDSA (python-ecdsa): any s in [1, n-1]. */
    public static boolean verify(ECPoint publicKey, byte[] digest32, BigInteger r, BigInteger s) {
        return EcdsaMath.verify(DOMAIN, publicKey, digest32, r, s);
    }
}
