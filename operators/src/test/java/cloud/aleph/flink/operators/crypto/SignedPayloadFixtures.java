package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signed payloads for verifier tests: envelopes of the conformance fixture file, freshly signed
 * ones, and copies with one field changed. A fixture signature given as a JSON object (line 4) is
 * turned into text as pyaleph's test does: {@code json.dumps} with Python's default separators
 * ({@link PythonJson#spaced}).
 */
final class SignedPayloadFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LINES = load();

    private SignedPayloadFixtures() {}

    /** @param lineNumber 1-based line of {@code conformance/aleph-fixtures.jsonl} */
    static SignedPayload line(int lineNumber) {
        try {
            JsonNode envelope = MAPPER.readTree(LINES.get(lineNumber - 1));
            JsonNode signature = envelope.get("signature");
            return new SignedPayload(
                    Chain.fromWire(envelope.get("chain").textValue()).orElseThrow(),
                    envelope.get("sender").textValue(),
                    envelope.get("type").textValue(),
                    envelope.get("item_hash").textValue(),
                    signature.isTextual() ? signature.textValue() : PythonJson.spaced(signature),
                    envelope.get("time").doubleValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    static SignedPayload withSignature(SignedPayload p, String signature) {
        return new SignedPayload(p.chain(), p.sender(), p.type(), p.itemHash(), signature, p.time());
    }

    static SignedPayload withSender(SignedPayload p, String sender) {
        return new SignedPayload(p.chain(), sender, p.type(), p.itemHash(), p.signature(), p.time());
    }

    static SignedPayload withChain(SignedPayload p, Chain chain) {
        return new SignedPayload(chain, p.sender(), p.type(), p.itemHash(), p.signature(), p.time());
    }

    static SignedPayload withType(SignedPayload p, String type) {
        return new SignedPayload(p.chain(), p.sender(), type, p.itemHash(), p.signature(), p.time());
    }

    static SignedPayload withItemHash(SignedPayload p, String itemHash) {
        return new SignedPayload(p.chain(), p.sender(), p.type(), itemHash, p.signature(), p.time());
    }

    static SignedPayload withTime(SignedPayload p, double time) {
        return new SignedPayload(p.chain(), p.sender(), p.type(), p.itemHash(), p.signature(), time);
    }

    /**
     * Replaces the character at {@code index} by the next one of {@code alphabet} that differs from
     * it (case-insensitively, so that a hex digit really changes value).
     */
    static String replaceAt(String text, int index, String alphabet) {
        char current = text.charAt(index);
        int at = alphabet.indexOf(current);
        for (int step = 1; step <= alphabet.length(); step++) {
            char candidate = alphabet.charAt((Math.max(at, 0) + step) % alphabet.length());
            if (Character.toLowerCase(candidate) != Character.toLowerCase(current)) {
                return text.substring(0, index) + candidate + text.substring(index + 1);
            }
        }
        throw new IllegalArgumentException("alphabet has no other character");
    }

    static final String HEX = "0123456789abcdef";
    static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private static List<String> load() {
        try (InputStream in = SignedPayloadFixtures.class.getResourceAsStream("/conformance/aleph-fixtures.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("conformance/aleph-fixtures.jsonl is not on the test classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
