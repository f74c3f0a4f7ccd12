package cloud.aleph.flink.operators.crypto;

import static cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.CURVE;
import static cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.N;
import static cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.P;
import static cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.Signed;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same vectors against both implementations of {@link Secp256k1Recovery}. */
class Secp256k1RecoveryContractTest {

    private static final BigInteger KEY = new BigInteger("4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d", 16);
    private static final byte[] HASH = Secp256k1TestSignatures.randomHash(new Random(7));

    static Stream<Named<Secp256k1Recovery>> implementations() throws Exception {
        return Stream.of(
                Named.of("bouncycastle", new BouncyCastleSecp256k1Recovery()),
                Named.of("native", NativeSecp256k1Recovery.load()));
    }

    private static List<Signed> lowSSignatures() {
        Random random = new Random(20240611L);
        List<Signed> signatures = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            signatures.add(Secp256k1TestSignatures.signLowS(
                    Secp256k1TestSignatures.randomPrivateKey(random), Secp256k1TestSignatures.randomHash(random)));
        }
        return signatures;
    }

    private static byte[] recover(Secp256k1Recovery recovery, Signed signed) {
        return recovery.recover(signed.hash(), signed.rBytes(), signed.sBytes(), signed.recoveryId());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void recoversTheSignerOfLowSSignaturesWithBothRecoveryIds(Secp256k1Recovery recovery) {
        List<Signed> signatures = lowSSignatures();
        assertThat(signatures).extracting(Signed::recoveryId).contains(0, 1);
        assertThat(signatures).noneMatch(Signed::highS);
        for (Signed signed : signatures) {
            assertThat(recover(recovery, signed)).containsExactly(signed.publicKey());
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void acceptsHighSAsTheReferenceDoes(Secp256k1Recovery recovery) {
        for (Signed lowS : lowSSignatures()) {
            Signed highS = lowS.mirrored();
            assertThat(highS.highS()).isTrue();
            assertThat(recover(recovery, highS)).containsExactly(lowS.publicKey());
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void theOtherRecoveryIdGivesAnotherKey(Secp256k1Recovery recovery) {
        Signed signed = Secp256k1TestSignatures.signLowS(KEY, HASH);
        byte[] other = recovery.recover(signed.hash(), signed.rBytes(), signed.sBytes(), signed.recoveryId() ^ 1);
        assertThat(other).hasSize(64).isNotEqualTo(signed.publicKey());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void aTamperedHashGivesAnotherKey(Secp256k1Recovery recovery) {
        Signed signed = Secp256k1TestSignatures.signLowS(KEY, HASH);
        byte[] tampered = signed.hash().clone();
        tampered[31] ^= 1;
        assertThat(recovery.recover(tampered, signed.rBytes(), signed.sBytes(), signed.recoveryId()))
                .hasSize(64)
                .isNotEqualTo(signed.publicKey());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsROutOfRange(Secp256k1Recovery recovery) {
        Signed signed = Secp256k1TestSignatures.signLowS(KEY, HASH);
        for (BigInteger r : List.of(BigInteger.ZERO, N, N.add(BigInteger.ONE), P.subtract(BigInteger.ONE))) {
            assertThat(recovery.recover(signed.hash(), scalar(r), signed.sBytes(), signed.recoveryId()))
                    .as("r = %s", r.toString(16))
                    .isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsSOutOfRange(Secp256k1Recovery recovery) {
        Signed signed = Secp256k1TestSignatures.signLowS(KEY, HASH);
        for (BigInteger s : List.of(BigInteger.ZERO, N, N.add(BigInteger.ONE), P.subtract(BigInteger.ONE))) {
            assertThat(recovery.recover(signed.hash(), signed.rBytes(), scalar(s), signed.recoveryId()))
                    .as("s = %s", s.toString(16))
                    .isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsAnRThatIsNoCurvePointsX(Secp256k1Recovery recovery) {
        Signed signed = Secp256k1TestSignatures.signLowS(KEY, HASH);
        BigInteger notOnCurve = Secp256k1TestSignatures.xNotOnCurve(signed.r());
        assertThat(notOnCurve).isLessThan(N);
        for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
            assertThat(recovery.recover(signed.hash(), scalar(notOnCurve), signed.sBytes(), recoveryId)).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsRecoveryIdsOutsideZeroToThree(Secp256k1Recovery recovery) {
        Signed signed = Secp256k1TestSignatures.signLowS(KEY, HASH);
        for (int recoveryId : new int[] {-1, 4, 27, 28}) {
            assertThat(recovery.recover(signed.hash(), signed.rBytes(), signed.sBytes(), recoveryId))
                    .as("recovery id %d", recoveryId)
                    .isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void recoveryIdsTwoAndThreeTakeRPlusNAsTheXOfR(Secp256k1Recovery recovery) {
        // An r whose r + n is a curve point's x while r itself is not: only ids 2 and 3 recover.
        Signed signed = Secp256k1TestSignatures.signLowS(KEY, HASH);
        BigInteger smallR = BigInteger.ONE;
        while (Secp256k1TestSignatures.isCurveX(smallR) || !Secp256k1TestSignatures.isCurveX(smallR.add(N))) {
            smallR = smallR.add(BigInteger.ONE);
        }
        assertThat(recovery.recover(signed.hash(), scalar(smallR), signed.sBytes(), 0)).isNull();
        assertThat(recovery.recover(signed.hash(), scalar(smallR), signed.sBytes(), 1)).isNull();
        byte[] even = recovery.recover(signed.hash(), scalar(smallR), signed.sBytes(), 2);
        byte[] odd = recovery.recover(signed.hash(), scalar(smallR), signed.sBytes(), 3);
        assertThat(even).hasSize(64).isNotEqualTo(odd);
        assertThat(odd).hasSize(64);
        // Each recovered key verifies (r, s): the verification equation gives back R, whose x is r mod n.
        for (byte[] key : List.of(even, odd)) {
            byte[] uncompressed = new byte[65];
            uncompressed[0] = 4;
            System.arraycopy(key, 0, uncompressed, 1, 64);
            assertThat(Secp256k1.verify(Secp256k1.parsePublicKey(uncompressed), signed.hash(), smallR, signed.s())).isTrue();
        }
        // r + n at or beyond p has no point: ids 2 and 3 refuse it.
        BigInteger tooLarge = P.subtract(N);
        assertThat(tooLarge).isLessThan(N);
        for (int recoveryId = 2; recoveryId < 4; recoveryId++) {
            assertThat(recovery.recover(signed.hash(), scalar(tooLarge), signed.sBytes(), recoveryId))
                    .as("recovery id %d with r + n = p", recoveryId)
                    .isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rejectsASignatureWhoseKeyWouldBeTheInfinityPoint(Secp256k1Recovery recovery) {
        // With R = k·G and e = s·k, r⁻¹(s·R − e·G) is the point at infinity.
        BigInteger k = new BigInteger("1d2c3b4a5968778695a4b3c2d1e0f0e1d2c3b4a5968778695a4b3c2d1e0f0f", 16);
        ECPoint nonce = CURVE.getG().multiply(k).normalize();
        BigInteger r = nonce.getAffineXCoord().toBigInteger();
        int recoveryId = nonce.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
        BigInteger s = BigInteger.valueOf(0x5eed);
        byte[] hash = scalar(s.multiply(k).mod(N));
        assertThat(r).isLessThan(N);
        assertThat(recovery.recover(hash, scalar(r), scalar(s), recoveryId)).isNull();
        // The same signature over another hash does recover a key, so null above is the infinity case.
        assertThat(recovery.recover(scalar(BigInteger.ONE), scalar(r), scalar(s), recoveryId)).hasSize(64);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void readsRAndSAsUnsignedBigEndianOfAnyWidth(Secp256k1Recovery recovery) {
        Signed signed = Secp256k1TestSignatures.signLowS(KEY, HASH);
        byte[] paddedR = new byte[33];
        System.arraycopy(signed.rBytes(), 0, paddedR, 1, 32);
        assertThat(recovery.recover(signed.hash(), paddedR, signed.sBytes(), signed.recoveryId()))
                .containsExactly(signed.publicKey());
        byte[] overflowingS = new byte[33];
        overflowingS[0] = 1;
        System.arraycopy(signed.sBytes(), 0, overflowingS, 1, 32);
        assertThat(recovery.recover(signed.hash(), signed.rBytes(), overflowingS, signed.recoveryId())).isNull();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void acceptsAnRShorterThan32Bytes(Secp256k1Recovery recovery) {
        // About one signature in 256 has an r below 2^248; some encoders drop its leading zero byte.
        Random random = new Random(99);
        Signed signed;
        do {
            signed = Secp256k1TestSignatures.signLowS(KEY, Secp256k1TestSignatures.randomHash(random));
        } while (signed.r().bitLength() > 248);
        byte[] shortR = Arrays.copyOfRange(signed.rBytes(), 1, 32);
        assertThat(recovery.recover(signed.hash(), shortR, signed.sBytes(), signed.recoveryId()))
                .containsExactly(signed.publicKey());
    }
}
