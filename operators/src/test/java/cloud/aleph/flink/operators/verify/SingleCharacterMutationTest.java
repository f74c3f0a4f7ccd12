package cloud.aleph.flink.operators.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for a valid message, changing any one character of a signed field (signature, sender,
 * chain, type, item_hash) gets it rejected. The only exceptions are changes the reference itself
 * reads as the same EVM signature: hex digit case, the 0x/0X prefix, and v bytes with the same
 * recovery parity (eth-account reads v ≥ 35 as EIP-155, spec §3.2.1); those must stay accepted.
 */
class SingleCharacterMutationTest {

    private static final MessageVerifier VERIFIER = MessageVerifier.withDefaultVerifiers();
    private static final String[] FIELDS = {"signature", "sender", "chain", "type", "item_hash"};
    /** Replacement code points: hex, base58, other ASCII, JSON-significant and non-ASCII characters. */
    private static final int[] REPLACEMENTS =
            "0123456789abcdefABCDEFxXgzZOIl1-_:,\"\\{}é".codePoints().toArray();
    private static final int SAMPLES_PER_MESSAGE = 200;

    /** Valid messages: accepted ETH and SOL fixture lines, and messages signed here with demo keys. */
    static Stream<String> validMessages() {
        List<String> messages = new ArrayList<>();
        for (Fixtures.Fixture fixture : Fixtures.all()) {
            boolean supported = fixture.chain().equals("ETH") || fixture.chain().equals("SOL");
            if (supported && fixture.withAllChains().accepted()) {
                messages.add(fixture.json());
            }
        }
        List<MessageSigner> signers = List.of(DemoKeys.ethereum(0), DemoKeys.solana(0));
        for (String template : Fixtures.contentTemplateLines()) {
            JsonNode envelope = parse(template);
            for (MessageSigner signer : signers) {
                ObjectNode content = ((ObjectNode) envelope.get("content")).deepCopy();
                content.put("address", signer.address());
                messages.add(MessageBuilder.of(MessageType.fromWire(envelope.get("type").textValue()).orElseThrow(), content)
                        .time(1_700_000_000.123)
                        .channel("TEST")
                        .build(signer));
            }
        }
        return messages.stream();
    }

    @ParameterizedTest
    @MethodSource("validMessages")
    void aSampleOfSingleCharacterChangesIsRejected(String message) {
        assertThat(VERIFIER.verifyLine(message).isAccepted()).as("precondition: the message is valid").isTrue();
        ObjectNode envelope = (ObjectNode) parse(message);
        Random random = new Random(message.hashCode());
        int rejected = 0;
        for (int i = 0; i < SAMPLES_PER_MESSAGE; i++) {
            String field = FIELDS[random.nextInt(FIELDS.length)];
            String original = envelope.get(field).textValue();
            int[] codePoints = original.codePoints().toArray();
            int position = random.nextInt(codePoints.length);
            int replacement = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
            if (replacement == codePoints[position]) {
                continue;
            }
            rejected += checkMutation(envelope, field, codePoints, position, replacement) ? 0 : 1;
        }
        assertThat(rejected).as("most sampled mutations change the meaning").isGreaterThan(SAMPLES_PER_MESSAGE / 2);
    }

    @Test
    void everySingleCharacterChangeOfOneEthereumAndOneSolanaMessage() {
        List<String> messages = List.of(
                Fixtures.fixtureLines().get(0), // A01, ETH
                Fixtures.fixtureLines().get(1)); // A02, SOL
        int accepted = 0;
        int total = 0;
        for (String message : messages) {
            ObjectNode envelope = (ObjectNode) parse(message);
            for (String field : FIELDS) {
                int[] codePoints = envelope.get(field).textValue().codePoints().toArray();
                for (int position = 0; position < codePoints.length; position++) {
                    for (int replacement : REPLACEMENTS) {
                        if (replacement != codePoints[position]) {
                            total++;
                            accepted += checkMutation(envelope, field, codePoints, position, replacement) ? 1 : 0;
                        }
                    }
                }
            }
        }
        // ETH hex case changes, 0X and same-parity v bytes exist in this enumeration and must be accepted
        assertThat(accepted).isPositive().isLessThan(total / 5);
    }

    /** Applies one mutation, asserts the verdict, and returns whether it was accepted. */
    private static boolean checkMutation(ObjectNode envelope, String field, int[] codePoints, int position, int replacement) {
        int[] changed = codePoints.clone();
        changed[position] = replacement;
        String original = new String(codePoints, 0, codePoints.length);
        String mutated = new String(changed, 0, changed.length);
        ObjectNode copy = envelope.deepCopy();
        copy.put(field, mutated);
        Verdict verdict = VERIFIER.verifyLine(write(copy));
        boolean sameForTheReference = field.equals("signature") && isEvm(envelope) && sameEvmSignature(original, mutated);
        assertThat(verdict.isAccepted())
                .as("%s '%s' -> '%s': %s", field, original, mutated, verdict.isAccepted() ? "accepted" : verdict.rejected().reason())
                .isEqualTo(sameForTheReference);
        return verdict.isAccepted();
    }

    private static boolean isEvm(JsonNode envelope) {
        return Chain.fromWire(envelope.get("chain").textValue()).map(c -> c.family() == Chain.Family.EVM).orElse(false);
    }

    /** True when eth-account reads both texts as the same r, s and recovery parity. */
    static boolean sameEvmSignature(String a, String b) {
        Optional<String> left = canonicalEvmSignature(a);
        return left.isPresent() && left.equals(canonicalEvmSignature(b));
    }

    private static Optional<String> canonicalEvmSignature(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.length() % 2 == 1) {
            digits = "0" + digits;
        }
        if (digits.length() != 130 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            return Optional.empty();
        }
        int v = Integer.parseInt(digits.substring(128), 16);
        int parity;
        if (v == 0 || v == 1) {
            parity = v;
        } else if (v == 27 || v == 28) {
            parity = v - 27;
        } else if (v >= 35) {
            parity = (v - 35) % 2;
        } else {
            return Optional.empty();
        }
        return Optional.of(digits.substring(0, 128).toLowerCase(Locale.ROOT) + parity);
    }

    private static JsonNode parse(String json) {
        try {
            return AlephJson.parse(json);
        } catch (AlephJsonException e) {
            throw new AssertionError(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return AlephJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
