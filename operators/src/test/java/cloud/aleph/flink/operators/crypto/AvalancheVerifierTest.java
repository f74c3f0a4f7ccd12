package cloud.aleph.flink.operators.crypto;

import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.BASE58;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.BECH32;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.HEX;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.line;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.replaceAt;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.SignatureResult.Outcome;
import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.crypto.codec.Bech32;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.hash.Digests;
import cloud.aleph.flink.operators.model.Chain;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class AvalancheVerifierTest {

    private final AvalancheVerifier verifier = new AvalancheVerifier();

    @Test
    void acceptsTheFixture() {
        assertThat(verifier.verify(line(3))).isEqualTo(SignatureResult.valid());
    }

    @Test
    void rejectsSingleCharacterChangesOfEverySignedField() {
        SignedPayload p = line(3);
        for (int index : new int[] {0, 10, 50, 90}) {
            assertInvalid(SignedPayloadFixtures.withSignature(p, replaceAt(p.signature(), index, BASE58)));
        }
        assertInvalid(SignedPayloadFixtures.withSender(p, replaceAt(p.sender(), 0, "XPC")));
        assertInvalid(SignedPayloadFixtures.withSender(p, replaceAt(p.sender(), 20, BECH32)));
        assertInvalid(SignedPayloadFixtures.withChain(p, Chain.ETH));
        assertInvalid(SignedPayloadFixtures.withType(p, replaceAt(p.type(), 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")));
        assertInvalid(SignedPayloadFixtures.withItemHash(p, replaceAt(p.itemHash(), 7, HEX)));
    }

    @Test
    void roundTripsOwnKeysAndIgnoresTheSenderHrp() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("777777777777777777777777777777777"));
        String address = Bech32.encodeBytes("avax", Digests.hash160(signer.compressedPublicKey()));
        for (String chainId : new String[] {"X", "P", "C"}) {
            SignedPayload unsigned = new SignedPayload(Chain.AVAX, chainId + "-" + address, "POST", "3c".repeat(32), "", 1.0);
            assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, sign(signer, unsigned))))
                    .isEqualTo(SignatureResult.valid());
        }
        // the reference re-encodes with "avax" whatever the sender's HRP: a fuji address never matches
        String fuji = "X-" + Bech32.encodeBytes("fuji", Digests.hash160(signer.compressedPublicKey()));
        SignedPayload onFuji = new SignedPayload(Chain.AVAX, fuji, "POST", "3c".repeat(32), "", 1.0);
        assertInvalid(SignedPayloadFixtures.withSignature(onFuji, sign(signer, onFuji)));
    }

    @Test
    void acceptsTheHighSTwinBecauseRecoveryDoesNotEnforceLowS() {
        SignedPayload p = line(3);
        byte[] sig65 = Arrays.copyOf(Base58.decode(p.signature()), 65);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig65, 32, 64));
        byte[] highS = BigIntegers.asUnsignedByteArray(32, Secp256k1.N.subtract(s));
        System.arraycopy(highS, 0, sig65, 32, 32);
        sig65[64] ^= 1;
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(p, withChecksum(sig65)))).isEqualTo(SignatureResult.valid());
    }

    @Test
    void rejectsMalformedSendersAndSignatures() {
        SignedPayload p = line(3);
        for (String sender : new String[] {"avax14x5a42stua94l2vxjcag6c9ftd8ea0y8fltdwv", "X-avaxqqq", "", "-"}) {
            assertInvalid(SignedPayloadFixtures.withSender(p, sender));
        }
        byte[] cb58 = Base58.decode(p.signature());
        byte[] badRecoveryId = cb58.clone();
        badRecoveryId[64] = 4;
        for (String signature : new String[] {"0OIl", "", "1", "111", p.signature().substring(1), withChecksum(badRecoveryId),
            withChecksum(Arrays.copyOf(cb58, 64)), withChecksum(new byte[65])}) {
            assertInvalid(SignedPayloadFixtures.withSignature(p, signature));
        }
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(p, p.signature() + " \u00a0"))).isEqualTo(SignatureResult.valid());
    }

    private void assertInvalid(SignedPayload payload) {
        SignatureResult result = verifier.verify(payload);
        assertThat(result.outcome()).as("%s / %s", payload.sender(), payload.signature()).isEqualTo(Outcome.INVALID);
        assertThat(result.reason()).isNotBlank();
    }

    private static String sign(EcdsaTestSigner signer, SignedPayload payload) {
        return TestSigners.avalancheSignature(signer, payload.verificationBuffer());
    }

    private static String withChecksum(byte[] body) {
        return TestSigners.cb58(body);
    }
}
