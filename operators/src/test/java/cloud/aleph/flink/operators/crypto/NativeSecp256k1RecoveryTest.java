package cloud.aleph.flink.operators.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.Signed;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class NativeSecp256k1RecoveryTest {

    @Test
    void theSelfTestVectorIsABouncyCastleHighSSignature() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        BigInteger key = new BigInteger(1, sha256.digest("aleph-flink secp256k1 self-test key".getBytes(StandardCharsets.US_ASCII)));
        byte[] hash = sha256.digest("aleph-flink secp256k1 self-test message".getBytes(StandardCharsets.US_ASCII));

        Signed signed = Secp256k1TestSignatures.sign(key, hash);

        assertThat(signed.highS()).isTrue();
        assertThat(NativeSecp256k1Recovery.SELF_TEST_HASH).containsExactly(hash);
        assertThat(NativeSecp256k1Recovery.SELF_TEST_R).containsExactly(signed.rBytes());
        assertThat(NativeSecp256k1Recovery.SELF_TEST_S).containsExactly(signed.sBytes());
        assertThat(NativeSecp256k1Recovery.SELF_TEST_RECOVERY_ID).isEqualTo(signed.recoveryId());
        assertThat(NativeSecp256k1Recovery.SELF_TEST_PUBLIC_KEY).containsExactly(signed.publicKey());
    }

    @Test
    void loadsOnThisPlatformAndRecoversTheSelfTestKey() throws Exception {
        NativeSecp256k1Recovery recovery = NativeSecp256k1Recovery.load();
        assertThat(recovery.recover(NativeSecp256k1Recovery.SELF_TEST_HASH, NativeSecp256k1Recovery.SELF_TEST_R,
                        NativeSecp256k1Recovery.SELF_TEST_S, NativeSecp256k1Recovery.SELF_TEST_RECOVERY_ID))
                .containsExactly(NativeSecp256k1Recovery.SELF_TEST_PUBLIC_KEY);
    }

    @Test
    void loadingTwiceGivesWorkingInstances() throws Exception {
        Signed signed = Secp256k1TestSignatures.signLowS(BigInteger.valueOf(123456789), new byte[32]);
        for (int i = 0; i < 2; i++) {
            assertThat(NativeSecp256k1Recovery.load().recover(signed.hash(), signed.rBytes(), signed.sBytes(), signed.recoveryId()))
                    .containsExactly(signed.publicKey());
        }
    }

    @Test
    void refusesAMessageHashThatIsNot32Bytes() throws Exception {
        NativeSecp256k1Recovery recovery = NativeSecp256k1Recovery.load();
        byte[] r = NativeSecp256k1Recovery.SELF_TEST_R;
        byte[] s = NativeSecp256k1Recovery.SELF_TEST_S;
        assertThatThrownBy(() -> recovery.recover(new byte[31], r, s, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recovery.recover(new byte[33], r, s, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
