package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.TestSigners;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Whole POST envelopes as clients publish them to the raw topic, signed the way each chain's SDK
 * or wallet signs, by the operators' test signers (keys derived from a seed: never real ones).
 */
final class SignedMessages {

    /** Distinct senders per chain; messages cycle through them. */
    private static final int SENDERS = 16;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

    private SignedMessages() {}

    /** {@code count} raw records of the chain, each with an item_content of exactly {@code itemContentBytes}. */
    static RawMessage[] of(Chain chain, int count, int itemContentBytes) {
        Random random = Seeds.random("signed-messages/" + chain.wire());
        MessageSigner[] signers = new MessageSigner[SENDERS];
        for (int i = 0; i < SENDERS; i++) {
            signers[i] = TestSigners.forChain(chain, i);
        }
        RawMessage[] messages = new RawMessage[count];
        for (int i = 0; i < count; i++) {
            MessageSigner signer = signers[i % SENDERS];
            double time = 1_718_000_000.0 + i;
            ObjectNode content = AlephJson.nodes().objectNode();
            content.put("address", signer.address());
            content.put("time", time);
            content.put("type", "note");
            ObjectNode body = content.putObject("content");
            body.put("body", "");
            int missing = itemContentBytes - PythonJson.compact(content).length();
            FixtureCheck.require(missing >= 0, "item_content of " + itemContentBytes + " bytes has room for a body");
            body.put("body", text(random, missing));
            MessageBuilder builder = MessageBuilder.of(MessageType.POST, content).time(time).channel("BENCHMARK");
            FixtureCheck.require(builder.itemContent().length() == itemContentBytes, "item_content has the size asked");
            byte[] envelope = builder.build(signer).getBytes(StandardCharsets.UTF_8);
            messages[i] = new RawMessage(0, i, (long) time * 1000, envelope);
        }
        return messages;
    }

    private static String text(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
