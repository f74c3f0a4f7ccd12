package cloud.aleph.flink.operators.crypto;

import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.BASE64;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.BECH32;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.HEX;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.line;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.replaceAt;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.SignatureResult.Outcome;
import cloud.aleph.flink.operators.crypto.codec.Bech32;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.hash.Digests;
import cloud.aleph.flink.operators.model.Chain;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class CosmosVerifierTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final CosmosVerifier verifier = new CosmosVerifier();

    @Test
    void acceptsTheFixtureWithItsSignatureObjectDumpedAsPythonDoes() {
        SignedPayload p = line(4);
        assertThat(p.signature()).startsWith("{\"signature\": \"vlrNQ");
        assertThat(verifier.verify(p)).isEqualTo(SignatureResult.valid());
    }

    @Test
    void buildsTheSortedCompactSignDoc() {
        SignedPayload p = line(4);
        assertThat(CosmosVerifier.signDoc(p)).isEqualTo("{\"account_number\":\"0\",\"chain_id\":\"signed-message-v1\","
                + "\"fee\":{\"amount\":[],\"gas\":\"0\"},\"memo\":\"\",\"msgs\":[{\"type\":\"signutil/MsgSignText\","
                + "\"value\":{\"message\":\"CSDK\\ncosmos1pjekm3szchhl7p2jr39hvzpwy78r5hztqdqasd\\nPOST\\n"
                + "9c7136fe3598b940158b5f0bb5c313e9152b53412db7649618003f6807739684\","
                + "\"signer\":\"cosmos1pjekm3szchhl7p2jr39hvzpwy78r5hztqdqasd\"}}],\"sequence\":\"0\"}");
    }

    @Test
    void rejectsSingleCharacterChangesOfEverySignedField() throws Exception {
        SignedPayload p = line(4);
        ObjectNode json = (ObjectNode) MAPPER.readTree(p.signature());
        String sig = json.get("signature").textValue();
        for (int index : new int[] {0, 20, 50, 84}) {
            ObjectNode tampered = json.deepCopy();
            tampered.put("signature", replaceAt(sig, index, BASE64));
            assertInvalid(SignedPayloadFixtures.withSignature(p, tampered.toString()));
        }
        ObjectNode otherKey = json.deepCopy();
        ((ObjectNode) otherKey.get("pub_key")).put("value", replaceAt(json.get("pub_key").get("value").textValue(), 10, BASE64));
        assertInvalid(SignedPayloadFixtures.withSignature(p, otherKey.toString()));
        assertInvalid(SignedPayloadFixtures.withSender(p, replaceAt(p.sender(), 15, BECH32)));
        assertInvalid(SignedPayloadFixtures.withChain(p, Chain.ETH));
        assertInvalid(SignedPayloadFixtures.withType(p, replaceAt(p.type(), 0, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")));
        assertInvalid(SignedPayloadFixtures.withItemHash(p, replaceAt(p.itemHash(), 33, HEX)));
    }

    @Test
    void roundTripsOwnKeysOnAnyHrpAndAcceptsHighSAsPythonEcdsaDoes() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("424242424242424242424242424242424242"));
        byte[] publicKey = signer.compressedPublicKey();
        for (String hrp : new String[] {"cosmos", "osmo", "juno"}) {
            String sender = Bech32.encodeBytes(hrp, Digests.hash160(publicKey));
            SignedPayload unsigned = new SignedPayload(Chain.CSDK, sender, "POST", "9c".repeat(32), "", 1.0);
            byte[] digest = Digests.sha256(CosmosVerifier.signDoc(unsigned).getBytes(StandardCharsets.UTF_8));
            BigInteger[] rs = signer.signLowS(digest);
            for (BigInteger s : new BigInteger[] {rs[1], Secp256k1.N.subtract(rs[1])}) {
                String signature = signatureJson(rs[0], s, publicKey, "tendermint/PubKeySecp256k1");
                assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, signature))).isEqualTo(SignatureResult.valid());
            }
        }
    }

    @Test
    void refusesSignedFieldsThatPythonCannotEncode() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("13131313131313"));
        String sender = Bech32.encodeBytes("cosmos", Digests.hash160(signer.compressedPublicKey()));
        SignedPayload unsigned = new SignedPayload(Chain.CSDK, sender, "POST", "9c".repeat(31) + "\ud800", "", 1.0);
        BigInteger[] rs = signer.signLowS(Digests.sha256(CosmosVerifier.signDoc(unsigned).getBytes(StandardCharsets.UTF_8)));
        SignatureResult result = verifier.verify(SignedPayloadFixtures.withSignature(unsigned,
                signatureJson(rs[0], rs[1], signer.compressedPublicKey(), "tendermint/PubKeySecp256k1")));
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.reason()).contains("surrogate");
    }

    @Test
    void acceptsAnUncompressedKeyWhoseHashIsTheSender() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("99999999999999999"));
        byte[] uncompressed = signer.publicPoint().getEncoded(false);
        String sender = Bech32.encodeBytes("cosmos", Digests.hash160(uncompressed));
        SignedPayload unsigned = new SignedPayload(Chain.CSDK, sender, "POST", "9c".repeat(32), "", 1.0);
        BigInteger[] rs = signer.signLowS(Digests.sha256(CosmosVerifier.signDoc(unsigned).getBytes(StandardCharsets.UTF_8)));
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, signatureJson(rs[0], rs[1], uncompressed, "tendermint/PubKeySecp256k1"))))
                .isEqualTo(SignatureResult.valid());
    }

    @Test
    void rejectsMalformedSignaturesWithoutThrowing() throws Exception {
        SignedPayload p = line(4);
        ObjectNode json = (ObjectNode) MAPPER.readTree(p.signature());
        ObjectNode ed25519 = json.deepCopy();
        ((ObjectNode) ed25519.get("pub_key")).put("type", "tendermint/PubKeyEd25519");
        ObjectNode nonAsciiKey = json.deepCopy();
        ((ObjectNode) nonAsciiKey.get("pub_key")).put("value", "\u00e9" + json.get("pub_key").get("value").textValue());
        ObjectNode shortSignature = json.deepCopy();
        shortSignature.put("signature", Base64.getEncoder().encodeToString(new byte[63]));
        ObjectNode numericSignature = json.deepCopy();
        numericSignature.put("signature", 5);
        ObjectNode zeroSignature = json.deepCopy();
        zeroSignature.put("signature", Base64.getEncoder().encodeToString(new byte[64]));
        for (String signature : new String[] {"not json", "[]", "{}", "{\"pub_key\": 3}", ed25519.toString(), nonAsciiKey.toString(),
            shortSignature.toString(), numericSignature.toString(), zeroSignature.toString()}) {
            assertInvalid(SignedPayloadFixtures.withSignature(p, signature));
        }
        assertInvalid(SignedPayloadFixtures.withSender(p, "cosmospjekm3szchhl7p2jr39hvzpwy78r5hztqdqasd"));
        // non-ASCII characters in the signature string are dropped, as base64-decoding its UTF-8 bytes does
        ObjectNode accented = json.deepCopy();
        accented.put("signature", "\u00e9" + json.get("signature").textValue());
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(p, accented.toString()))).isEqualTo(SignatureResult.valid());
    }

    private void assertInvalid(SignedPayload payload) {
        SignatureResult result = verifier.verify(payload);
        assertThat(result.outcome()).as("%s / %s", payload.sender(), payload.signature()).isEqualTo(Outcome.INVALID);
        assertThat(result.reason()).isNotBlank();
    }

    private static String signatureJson(BigInteger r, BigInteger s, byte[] publicKey, String keyType) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("signature", Base64.getEncoder().encodeToString(
                EcdsaTestSigner.concat(BigIntegers.asUnsignedByteArray(32, r), BigIntegers.asUnsignedByteArray(32, s))));
        json.putObject("pub_key").put("type", keyType).put("value", Base64.getEncoder().encodeToString(publicKey));
        json.put("account_number", "0").put("sequence", "0");
        return json.toString();
    }
}
