package cloud.aleph.flink.operators.crypto.sr25519;

import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.P;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.abs;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.add;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.isNegative;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.mul;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.neg;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.sub;

import java.math.BigInteger;
import java.util.Optional;

/** The ristretto255 encoding of edwards25519 points (RFC 9496 §4.3), as schnorrkel keys and R values use it. */
final class Ristretto255 {

    /** 1/sqrt(a - d) with a = -1. */
    static final BigInteger INVSQRT_A_MINUS_D =
            Field25519.sqrtRatioM1(BigInteger.ONE, sub(neg(BigInteger.ONE), Field25519.D)).root();

    private Ristretto255() {}

    /** RFC 9496 §4.3.1; empty for a non-canonical or invalid encoding. */
    static Optional<EdwardsPoint> decode(byte[] encoded) {
        if (encoded.length != 32) {
            return Optional.empty();
        }
        BigInteger s = Field25519.fromLittleEndian(encoded);
        if (s.compareTo(P) >= 0 || s.testBit(0)) {
            return Optional.empty();
        }
        BigInteger ss = mul(s, s);
        BigInteger u1 = sub(BigInteger.ONE, ss);
        BigInteger u2 = add(BigInteger.ONE, ss);
        BigInteger u2Squared = mul(u2, u2);
        BigInteger v = sub(neg(mul(Field25519.D, mul(u1, u1))), u2Squared);
        Field25519.SqrtRatio invsqrt = Field25519.sqrtRatioM1(BigInteger.ONE, mul(v, u2Squared));
        BigInteger denX = mul(invsqrt.root(), u2);
        BigInteger denY = mul(mul(invsqrt.root(), denX), v);
        BigInteger x = abs(mul(add(s, s), denX));
        BigInteger y = mul(u1, denY);
        BigInteger t = mul(x, y);
        if (!invsqrt.wasSquare() || isNegative(t) || y.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new EdwardsPoint(x, y, BigInteger.ONE, t));
    }

    /** RFC 9496 §4.3.2. */
    static byte[] encode(EdwardsPoint point) {
        BigInteger x0 = point.x();
        BigInteger y0 = point.y();
        BigInteger z0 = point.z();
        BigInteger t0 = point.t();
        BigInteger u1 = mul(add(z0, y0), sub(z0, y0));
        BigInteger u2 = mul(x0, y0);
        BigInteger invsqrt = Field25519.sqrtRatioM1(BigInteger.ONE, mul(u1, mul(u2, u2))).root();
        BigInteger den1 = mul(invsqrt, u1);
        BigInteger den2 = mul(invsqrt, u2);
        BigInteger zInv = mul(mul(den1, den2), t0);
        BigInteger ix0 = mul(x0, Field25519.SQRT_M1);
        BigInteger iy0 = mul(y0, Field25519.SQRT_M1);
        BigInteger enchantedDenominator = mul(den1, INVSQRT_A_MINUS_D);
        boolean rotate = isNegative(mul(t0, zInv));
        BigInteger x = rotate ? iy0 : x0;
        BigInteger y = rotate ? ix0 : y0;
        BigInteger denInv = rotate ? enchantedDenominator : den2;
        if (isNegative(mul(x, zInv))) {
            y = neg(y);
        }
        BigInteger s = abs(mul(denInv, sub(z0, y)));
        return Field25519.toLittleEndian32(s);
    }
}
