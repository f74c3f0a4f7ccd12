package cloud.aleph.flink.operators.crypto;

import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.BASE58;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.HEX;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.line;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.replaceAt;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.SignatureResult.Outcome;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.crypto.tezos.MichelineMessage;
import cloud.aleph.flink.operators.crypto.tezos.TezosBase58;
import cloud.aleph.flink.operators.hash.Digests;
import cloud.aleph.flink.operators.model.Chain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class TezosVerifierTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters P256_DOMAIN =
            new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final String ITEM_HASH = "75bce3f296c6479242c740a051c2ddef4184f39386a883ceb33bf1f36f45ad09";

    private final TezosVerifier verifier = new TezosVerifier();

    @Test
    void acceptsTheSecp256k1RawFixture() {
        assertThat(verifier.verify(line(7))).isEqualTo(SignatureResult.valid());
    }

    @Test
    void acceptsTheEd25519RawFixtureWithAGenericSignature() {
        assertThat(verifier.verify(line(8))).isEqualTo(SignatureResult.valid());
    }

    @Test
    void acceptsTheMichelineFixtureWhichSignsTheEnvelopeTime() {
        SignedPayload micheline = line(9);
        assertThat(verifier.verify(micheline)).isEqualTo(SignatureResult.valid());
        assertThat(verifier.verify(SignedPayloadFixtures.withTime(micheline, micheline.time() + 0.001)).outcome())
                .isEqualTo(Outcome.INVALID);
    }

    @Test
    void rejectsSingleCharacterChangesOfEverySignedField() {
        for (int lineNumber : new int[] {7, 8, 9}) {
            SignedPayload p = line(lineNumber);
            ObjectNode json = (ObjectNode) readJson(p.signature());
            String sig = json.get("signature").textValue();
            for (int index : new int[] {10, 40, sig.length() - 3}) {
                ObjectNode tampered = json.deepCopy();
                tampered.put("signature", replaceAt(sig, index, BASE58));
                assertThat(verifier.verify(SignedPayloadFixtures.withSignature(p, tampered.toString())).outcome())
                        .isEqualTo(Outcome.INVALID);
            }
            assertThat(verifier.verify(SignedPayloadFixtures.withSender(p, replaceAt(p.sender(), 10, BASE58))).outcome())
                    .isEqualTo(Outcome.INVALID);
            assertThat(verifier.verify(SignedPayloadFixtures.withChain(p, Chain.ETH)).outcome()).isEqualTo(Outcome.INVALID);
            assertThat(verifier.verify(SignedPayloadFixtures.withType(p, replaceAt(p.type(), 0, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))).outcome())
                    .isEqualTo(Outcome.INVALID);
            assertThat(verifier.verify(SignedPayloadFixtures.withItemHash(p, replaceAt(p.itemHash(), 5, HEX))).outcome())
                    .isEqualTo(Outcome.INVALID);
        }
    }

    @Test
    void roundTripsEd25519RawAndMicheline() {
        byte[] seed = Digests.sha256("tezos ed25519 test key".getBytes(StandardCharsets.US_ASCII));
        byte[] publicKey = new byte[32];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        String sender = TezosBase58.encode(Digests.blake2b(20, publicKey), "tz1");
        String encodedKey = TezosBase58.encode(publicKey, "edpk");
        for (boolean micheline : new boolean[] {false, true}) {
            SignedPayload unsigned = new SignedPayload(Chain.TEZOS, sender, "POST", ITEM_HASH, "", 1663944079.0295);
            byte[] signed = bytesToSign(unsigned, micheline, "example.org");
            byte[] signature = new byte[64];
            Ed25519.sign(seed, 0, Digests.blake2b(32, signed), 0, 32, signature, 0);
            for (String prefix : new String[] {"edsig", "sig"}) {
                String json = signatureJson(TezosBase58.encode(signature, prefix), encodedKey, micheline, "example.org");
                assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, json))).isEqualTo(SignatureResult.valid());
            }
        }
    }

    @Test
    void roundTripsSecp256k1RawAndMichelineAndRefusesHighS() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("3141592653589793238462643383279502884197"));
        byte[] publicKey = signer.compressedPublicKey();
        String sender = TezosBase58.encode(Digests.blake2b(20, publicKey), "tz2");
        for (boolean micheline : new boolean[] {false, true}) {
            SignedPayload unsigned = new SignedPayload(Chain.TEZOS, sender, "AGGREGATE", ITEM_HASH, "", 1700000000.25);
            byte[] digest = Digests.blake2b(32, bytesToSign(unsigned, micheline, "aleph.im"));
            BigInteger[] rs = signer.signLowS(digest);
            String json = signatureJson(TezosBase58.encode(compact(rs[0], rs[1]), "spsig"), TezosBase58.encode(publicKey, "sppk"), micheline, null);
            assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, json))).isEqualTo(SignatureResult.valid());
            // libsecp256k1 (coincurve) refuses the malleated high-S twin
            String highS = signatureJson(TezosBase58.encode(compact(rs[0], Secp256k1.N.subtract(rs[1])), "spsig"),
                    TezosBase58.encode(publicKey, "sppk"), micheline, null);
            assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, highS)).outcome()).isEqualTo(Outcome.INVALID);
        }
    }

    @Test
    void roundTripsP256RawAndMichelineAcceptingHighS() {
        EcdsaTestSigner signer = new EcdsaTestSigner(P256_DOMAIN, new BigInteger("2718281828459045235360287471352662497757"));
        byte[] publicKey = signer.compressedPublicKey();
        String sender = TezosBase58.encode(Digests.blake2b(20, publicKey), "tz3");
        for (boolean micheline : new boolean[] {false, true}) {
            SignedPayload unsigned = new SignedPayload(Chain.TEZOS, sender, "STORE", ITEM_HASH, "", 1500000000.5);
            byte[] digest = Digests.blake2b(32, bytesToSign(unsigned, micheline, "aleph.im"));
            BigInteger[] rs = signer.signLowS(digest);
            for (BigInteger s : new BigInteger[] {rs[1], P256_DOMAIN.getN().subtract(rs[1])}) {
                String json = signatureJson(TezosBase58.encode(compact(rs[0], s), "p2sig"), TezosBase58.encode(publicKey, "p2pk"), micheline, null);
                assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, json))).isEqualTo(SignatureResult.valid());
            }
        }
    }

    @Test
    void acceptsTheKeyFormsPytezosAccepts() {
        byte[] seed = Digests.sha256("seed as public key".getBytes(StandardCharsets.US_ASCII));
        byte[] publicKey = new byte[32];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        SignedPayload unsigned = new SignedPayload(Chain.TEZOS, TezosBase58.encode(Digests.blake2b(20, publicKey), "tz1"), "POST", ITEM_HASH, "", 1.0);
        byte[] signature = new byte[64];
        Ed25519.sign(seed, 0, Digests.blake2b(32, unsigned.verificationBuffer()), 0, 32, signature, 0);
        String sig = TezosBase58.encode(signature, "edsig");
        // pytezos derives the public key from a secret key given in its place
        String secretKey = TezosBase58.encode(seed, "edsk");
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, signatureJson(sig, secretKey, false, null))))
                .isEqualTo(SignatureResult.valid());
        // and takes text that parses as a hex integer as hex-encoded bytes
        String hexKey = Hex.encode(TezosBase58.encode(publicKey, "edpk").getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, signatureJson(sig, hexKey, false, null))))
                .isEqualTo(SignatureResult.valid());
    }

    @Test
    void reproducesTheReferenceSplitBetweenInvalidAndUnexpectedErrors() {
        SignedPayload raw = line(8);
        ObjectNode json = (ObjectNode) readJson(raw.signature());
        assertOutcome(raw, "{not json", Outcome.INVALID);
        assertOutcome(raw, "{\"signature\": NaN, \"publicKey\": \"x\"}", Outcome.INVALID);
        assertOutcome(raw, "[1, 2]", Outcome.UNEXPECTED_ERROR);
        assertOutcome(raw, "\"edsig\"", Outcome.UNEXPECTED_ERROR);
        assertOutcome(raw, "{\"publicKey\": \"edpk\"}", Outcome.INVALID);
        assertOutcome(raw, with(json, "signingType", "bytes"), Outcome.INVALID);
        assertOutcome(raw, with(json, "publicKey", 12), Outcome.UNEXPECTED_ERROR);
        assertOutcome(raw, with(json, "publicKey", "BLpk" + "1".repeat(72)), Outcome.INVALID);
        assertOutcome(raw, with(json, "publicKey", "edxx" + "1".repeat(50)), Outcome.UNEXPECTED_ERROR);
        assertOutcome(raw, with(json, "publicKey", "edpk" + "1".repeat(49)), Outcome.INVALID);
        assertOutcome(raw, with(json, "publicKey", "edpk" + "0".repeat(50)), Outcome.INVALID);
        assertOutcome(raw, with(json, "publicKey", "edesk" + "1".repeat(83)), Outcome.INVALID);
        // a well-formed encrypted secret key makes pytezos ask for a passphrase
        assertOutcome(raw, with(json, "publicKey", TezosBase58.encode(new byte[56], "edesk")), Outcome.UNEXPECTED_ERROR);
        assertOutcome(raw, with(json, "publicKey", "edpk\u00e9" + "1".repeat(49)), Outcome.INVALID);
        assertOutcome(raw, with(json, "signature", 5), Outcome.UNEXPECTED_ERROR);
        assertOutcome(raw, with(json, "signature", "spsig1" + json.get("signature").textValue().substring(6)), Outcome.INVALID);
        assertOutcome(raw, with(json, "signature", "edsig"), Outcome.INVALID);
        ObjectNode michelineNullUrl = with(json, "signingType", "micheline");
        michelineNullUrl.putNull("dAppUrl");
        assertOutcome(raw, michelineNullUrl, Outcome.UNEXPECTED_ERROR);
        assertOutcome(SignedPayloadFixtures.withSender(raw, "tz1"), raw.signature(), Outcome.INVALID);
    }

    @Test
    void formatsTheEnvelopeTimeAsPythonRoundsIt() {
        Object[][] vectors = {
            {1663944079.029, "2022-09-23T14:41:19.029Z"},
            {1657534863.1375434, "2022-07-11T10:21:03.137Z"},
            {1661451074.86, "2022-08-25T18:11:14.860Z"},
            {0.0005, "1970-01-01T00:00:00.000Z"},
            {1.9999995, "1970-01-01T00:00:01.999Z"},
            {1.0000005, "1970-01-01T00:00:01.000Z"},
            {-1.5, "1969-12-31T23:59:58.500Z"},
            {1700000000.9999996, "2023-11-14T22:13:21.000Z"},
            {1.2344995, "1970-01-01T00:00:01.234Z"},
        };
        for (Object[] vector : vectors) {
            assertThat(MichelineMessage.isoMillis((Double) vector[0])).as("%s", vector[0]).isEqualTo(vector[1]);
        }
    }

    @Test
    void writesTheMichelineLengthAsTheDecimalLengthOfTheHexPayload() {
        byte[] bytes = MichelineMessage.bytesToSign("B".getBytes(StandardCharsets.US_ASCII), 0.0, "u".getBytes(StandardCharsets.US_ASCII));
        String payload = "Tezos Signed Message: u 1970-01-01T00:00:00.000Z B";
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0x05, 0x01, 0x00);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.US_ASCII)).isEqualTo((2 * payload.length()) + payload);
    }

    private void assertOutcome(SignedPayload payload, ObjectNode signature, Outcome expected) {
        assertOutcome(payload, signature.toString(), expected);
    }

    private void assertOutcome(SignedPayload payload, String signature, Outcome expected) {
        SignatureResult result = verifier.verify(SignedPayloadFixtures.withSignature(payload, signature));
        assertThat(result.outcome()).as(signature).isEqualTo(expected);
        assertThat(result.reason()).isNotBlank();
    }

    private static ObjectNode with(ObjectNode json, String field, Object value) {
        ObjectNode copy = json.deepCopy();
        copy.set(field, MAPPER.valueToTree(value));
        return copy;
    }

    private static byte[] bytesToSign(SignedPayload payload, boolean micheline, String dAppUrl) {
        return micheline
                ? MichelineMessage.bytesToSign(payload.verificationBuffer(), payload.time(),
                        (dAppUrl == null ? "aleph.im" : dAppUrl).getBytes(StandardCharsets.UTF_8))
                : payload.verificationBuffer();
    }

    private static String signatureJson(String signature, String publicKey, boolean micheline, String dAppUrl) {
        ObjectNode json = MAPPER.createObjectNode().put("signature", signature).put("publicKey", publicKey);
        if (micheline) {
            json.put("signingType", "micheline");
        }
        if (dAppUrl != null) {
            json.put("dAppUrl", dAppUrl);
        }
        return json.toString();
    }

    private static byte[] compact(BigInteger r, BigInteger s) {
        return EcdsaTestSigner.concat(BigIntegers.asUnsignedByteArray(32, r), BigIntegers.asUnsignedByteArray(32, s));
    }

    private static JsonNode readJson(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
