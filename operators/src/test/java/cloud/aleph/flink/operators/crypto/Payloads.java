package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.JsonNode;

/** Signed payloads for verifier tests: from fixture lines, or freshly signed. */
final class Payloads {

    private Payloads() {}

    /** The payload of a 1-based line of aleph-fixtures.jsonl. */
    static SignedPayload fixtureLine(int line) {
        try {
            JsonNode envelope = AlephJson.parse(Fixtures.fixtureLines().get(line - 1));
            return new SignedPayload(
                    Chain.fromWire(envelope.get("chain").textValue()).orElseThrow(),
                    envelope.get("sender").textValue(),
                    envelope.get("type").textValue(),
                    envelope.get("item_hash").textValue(),
                    envelope.get("signature").textValue(),
                    envelope.get("time").doubleValue());
        } catch (AlephJsonException e) {
            throw new AssertionError(e);
        }
    }

    /** A payload signed by the signer, for its own address. */
    static SignedPayload signed(MessageSigner signer, String type, String itemHash) {
        return signedAs(signer, signer.address(), type, itemHash);
    }

    /** A payload whose buffer names {@code sender}, signed by the signer's key. */
    static SignedPayload signedAs(MessageSigner signer, String sender, String type, String itemHash) {
        SignedPayload unsigned = new SignedPayload(signer.chain(), sender, type, itemHash, null, 1_700_000_000.0);
        return withSignature(unsigned, signer.sign(unsigned.verificationBuffer()));
    }

    static SignedPayload withSignature(SignedPayload payload, String signature) {
        return new SignedPayload(payload.chain(), payload.sender(), payload.type(), payload.itemHash(), signature, payload.time());
    }

    static SignedPayload withSender(SignedPayload payload, String sender) {
        return new SignedPayload(payload.chain(), sender, payload.type(), payload.itemHash(), payload.signature(), payload.time());
    }
}
