package cloud.aleph.flink.operators.crypto;

import static cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.N;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.Signed;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Native and Bouncy Castle recovery give the same answer, key or null, on random input. */
class Secp256k1ImplementationsAgreeTest {

    private static final Secp256k1Recovery BOUNCY_CASTLE = new BouncyCastleSecp256k1Recovery();
    private static Secp256k1Recovery nativeRecovery;

    @BeforeAll
    static void loadNative() throws Exception {
        nativeRecovery = NativeSecp256k1Recovery.load();
    }

    @Test
    void agreeOnSignaturesInBothHalvesWithRightAndWrongRecoveryIds() {
        Random random = new Random(0xA1E9);
        int signerRecovered = 0;
        for (int i = 0; i < 1000; i++) {
            Signed signed = Secp256k1TestSignatures.sign(
                    Secp256k1TestSignatures.randomPrivateKey(random), Secp256k1TestSignatures.randomHash(random));
            int recoveryId = random.nextInt(4) == 0 ? signed.recoveryId() ^ 1 : signed.recoveryId();
            byte[] expected = BOUNCY_CASTLE.recover(signed.hash(), signed.rBytes(), signed.sBytes(), recoveryId);
            byte[] actual = nativeRecovery.recover(signed.hash(), signed.rBytes(), signed.sBytes(), recoveryId);
            assertThat(actual).as("case %d", i).isEqualTo(expected);
            if (Arrays.equals(actual, signed.publicKey())) {
                signerRecovered++;
            }
        }
        // About three in four use the right recovery id; the others recover someone else.
        assertThat(signerRecovered).isBetween(650, 850);
    }

    @Test
    void agreeOnRandomScalars() {
        Random random = new Random(0x5ECB);
        int recovered = 0;
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] hash = Secp256k1TestSignatures.randomHash(random);
            byte[] r = randomScalar(random);
            byte[] s = randomScalar(random);
            int recoveryId = random.nextInt(2);
            byte[] expected = BOUNCY_CASTLE.recover(hash, r, s, recoveryId);
            byte[] actual = nativeRecovery.recover(hash, r, s, recoveryId);
            assertThat(actual).as("case %d", i).isEqualTo(expected);
            if (actual == null) {
                rejected++;
            } else {
                recovered++;
            }
        }
        // Half of all x have a curve point; out-of-range scalars add to the rejections.
        assertThat(recovered).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(1000);
    }

    /** Mostly uniform 256-bit values; one in eight is at or just above n, or zero. */
    private static byte[] randomScalar(Random random) {
        switch (random.nextInt(16)) {
            case 0:
                return Secp256k1TestSignatures.scalar(N.add(BigInteger.valueOf(random.nextInt(1000))));
            case 1:
                return new byte[32];
            default:
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                return bytes;
        }
    }
}
