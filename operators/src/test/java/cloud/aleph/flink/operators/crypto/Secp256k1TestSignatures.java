package cloud.aleph.flink.operators.crypto;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Test signatures made with Bouncy Castle's ECDSA signer and RFC 6979 nonces. The recovery id is
 * computed from the nonce point itself, not by trying recovery, so the vectors do not depend on
 * the implementations they test.
 */
final class Secp256k1TestSignatures {

    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    static final BigInteger N = CURVE.getN();
    static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();
    private static final BigInteger HALF_N = N.shiftRight(1);

    private Secp256k1TestSignatures() {}

    /** A signature with everything needed to recover it, and the key that must come out. */
    record Signed(byte[] hash, BigInteger r, BigInteger s, int recoveryId, byte[] publicKey) {

        byte[] rBytes() {
            return scalar(r);
        }

        byte[] sBytes() {
            return scalar(s);
        }

        /** The same signature with s replaced by n − s: R mirrors, so the recovery id flips. */
        Signed mirrored() {
            return new Signed(hash, r, N.subtract(s), recoveryId ^ 1, publicKey);
        }

        boolean highS() {
            return s.compareTo(HALF_N) > 0;
        }
    }

    static BigInteger randomPrivateKey(Random random) {
        return new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }

    static byte[] randomHash(Random random) {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return hash;
    }

    /** Signs as Ethereum wallets do: RFC 6979 nonce, then s normalised to the lower half. */
    static Signed signLowS(BigInteger privateKey, byte[] hash) {
        Signed signed = sign(privateKey, hash);
        return signed.highS() ? signed.mirrored() : signed;
    }

    /** Signs with Bouncy Castle's ECDSASigner as it comes (s in either half). */
    static Signed sign(BigInteger privateKey, byte[] hash) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey, DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);

        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, privateKey, hash);
        ECPoint nonce = CURVE.getG().multiply(nonces.nextK()).normalize();
        BigInteger x = nonce.getAffineXCoord().toBigInteger();
        if (x.compareTo(N) >= 0 || !x.equals(rs[0])) {
            throw new IllegalStateException("nonce point does not give r (or needs recovery id 2/3)");
        }
        int recoveryId = nonce.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
        return new Signed(hash.clone(), rs[0], rs[1], recoveryId, publicKey(privateKey));
    }

    static byte[] publicKey(BigInteger privateKey) {
        byte[] encoded = CURVE.getG().multiply(privateKey).normalize().getEncoded(false);
        byte[] xy = new byte[64];
        System.arraycopy(encoded, 1, xy, 0, 64);
        return xy;
    }

    static byte[] scalar(BigInteger value) {
        return BigIntegers.asUnsignedByteArray(32, value);
    }

    /** The smallest x ≥ from for which x³ + 7 has no square root mod p: no curve point has it. */
    static BigInteger xNotOnCurve(BigInteger from) {
        BigInteger x = from;
        while (isCurveX(x)) {
            x = x.add(BigInteger.ONE);
        }
        return x;
    }

    /** True when some curve point has this x coordinate (Euler's criterion on x³ + 7). */
    static boolean isCurveX(BigInteger x) {
        BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(P);
        return rhs.signum() == 0 || rhs.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    }
}
