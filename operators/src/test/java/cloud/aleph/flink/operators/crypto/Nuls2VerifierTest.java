package cloud.aleph.flink.operators.crypto;

import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.BASE58;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.BASE64;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.HEX;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.line;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.replaceAt;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.SignatureResult.Outcome;
import cloud.aleph.flink.operators.crypto.nuls.NulsAddress;
import cloud.aleph.flink.operators.model.Chain;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Nuls2VerifierTest {

    private final Nuls2Verifier verifier = new Nuls2Verifier();

    @Test
    void acceptsBothFixtures() {
        assertThat(verifier.verify(line(10))).isEqualTo(SignatureResult.valid());
        assertThat(verifier.verify(line(15))).isEqualTo(SignatureResult.valid());
    }

    @Test
    void rejectsSingleCharacterChangesOfEverySignedField() {
        for (int lineNumber : new int[] {10, 15}) {
            SignedPayload p = line(lineNumber);
            for (int index : new int[] {0, 1, 30, 60, 85}) {
                assertInvalid(SignedPayloadFixtures.withSignature(p, replaceAt(p.signature(), index, BASE64)));
            }
            assertInvalid(SignedPayloadFixtures.withSender(p, replaceAt(p.sender(), 20, BASE58)));
            assertInvalid(SignedPayloadFixtures.withChain(p, Chain.NULS));
            assertInvalid(SignedPayloadFixtures.withType(p, replaceAt(p.type(), 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")));
            assertInvalid(SignedPayloadFixtures.withItemHash(p, replaceAt(p.itemHash(), 63, HEX)));
        }
    }

    @Test
    void roundTripsOwnKeysOnMainnetAndTestnet() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("1234567890123456789012345678901234567890"));
        for (int chainId : new int[] {1, 2}) {
            String sender = NulsAddress.nuls2(chainId == 1 ? "NULS" : "tNULS", NulsAddress.keyHash(chainId, signer.compressedPublicKey()));
            assertThat(sender).startsWith(chainId == 1 ? "NULSd" : "tNULSe");
            SignedPayload unsigned = new SignedPayload(Chain.NULS2, sender, "POST", "43094c3309791a5aa92ff6e1de337f23242103e1dffdc1941c5b6d4131da3a7e", "", 1.0);
            assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, sign(signer, unsigned, 27))))
                    .isEqualTo(SignatureResult.valid());
        }
    }

    @Test
    void refusesOtherChainIdsAndHeaders() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("98765432109876543210"));
        String otherChain = NulsAddress.nuls2("NULS", NulsAddress.keyHash(3, signer.compressedPublicKey()));
        SignedPayload unsigned = new SignedPayload(Chain.NULS2, otherChain, "POST", "ab".repeat(32), "", 1.0);
        assertInvalid(SignedPayloadFixtures.withSignature(unsigned, sign(signer, unsigned, 27)));
        String mainnet = NulsAddress.nuls2("NULS", NulsAddress.keyHash(1, signer.compressedPublicKey()));
        SignedPayload onMainnet = new SignedPayload(Chain.NULS2, mainnet, "POST", "ab".repeat(32), "", 1.0);
        // Electrum "compressed" headers (31..34) are not accepted: recid = header - 27 must be 0..3
        assertInvalid(SignedPayloadFixtures.withSignature(onMainnet, sign(signer, onMainnet, 31)));
    }

    @Test
    void aSenderWithoutANulsPrefixIsAnUnexpectedErrorAsInTheReference() {
        SignedPayload p = line(10);
        SignatureResult result = verifier.verify(SignedPayloadFixtures.withSender(p, "XULSd6HgeZVDvQ2pKQLakAsStYvGAT6WVFu9K"));
        assertThat(result.outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
        assertThat(result.reason()).contains("not implemented");
        // too short to hold a chain id: struct.error in the reference
        assertThat(verifier.verify(SignedPayloadFixtures.withSender(p, "NULSd")).outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
    }

    @Test
    void rejectsMalformedSignaturesAndSenders() {
        SignedPayload p = line(10);
        for (String signature : new String[] {"not base64!", "HG4d", "", "\u00e9\u00e9==", p.signature().substring(4), "AAAA" + p.signature()}) {
            assertInvalid(SignedPayloadFixtures.withSignature(p, signature));
        }
        assertInvalid(SignedPayloadFixtures.withSender(p, "NULSd0OIl"));
    }

    private void assertInvalid(SignedPayload payload) {
        SignatureResult result = verifier.verify(payload);
        assertThat(result.outcome()).as("%s / %s", payload.sender(), payload.signature()).isEqualTo(Outcome.INVALID);
        assertThat(result.reason()).isNotBlank();
    }

    private static String sign(EcdsaTestSigner signer, SignedPayload payload, int headerBase) {
        return TestSigners.nuls2Signature(signer, payload.verificationBuffer(), headerBase);
    }
}
