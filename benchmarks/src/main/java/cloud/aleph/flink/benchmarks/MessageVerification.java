package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the verification job does to each raw record before state, in full: JSON dialect, envelope
 * format, content schema, item_hash (SHA-256 of a 200-byte item_content) and the chain signature,
 * through {@link MessageVerifier#verify}. Subclasses choose the chains and the secp256k1 recovery.
 * The whole path takes longer to compile than one primitive, hence a longer warm-up.
 */
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public abstract class MessageVerification extends BenchmarkDefaults {

    /** The size the crypto performance notes measured with. */
    static final int ITEM_CONTENT_BYTES = 200;

    private MessageVerifier verifier;
    private RawMessage[] messages;
    private int index;

    /** Signs the inputs and checks that the verifier accepts every one, and not a swapped signature. */
    void prepare(Chain chain, MessageVerifier verifier, String label) {
        this.verifier = verifier;
        messages = SignedMessages.of(chain, INPUTS, ITEM_CONTENT_BYTES);
        for (int i = 0; i < INPUTS; i++) {
            Verdict verdict = verifier.verify(messages[i]);
            FixtureCheck.require(verdict.isAccepted(),
                    label + " accepts message " + i + (verdict.isAccepted() ? "" : ": " + verdict.rejected().reason()));
        }
        Verdict swapped = verifier.verify(withSignatureOf(messages[0], messages[1]));
        FixtureCheck.require(!swapped.isAccepted() && swapped.rejected().errorCode() == ErrorCode.INVALID_SIGNATURE,
                label + " rejects a signature of another message as INVALID_SIGNATURE");
    }

    @Benchmark
    public Verdict verify() {
        index = next(index);
        return verifier.verify(messages[index]);
    }

    private static RawMessage withSignatureOf(RawMessage target, RawMessage source) {
        try {
            ObjectNode envelope = (ObjectNode) AlephJson.parse(target.payload());
            envelope.set("signature", AlephJson.parse(source.payload()).get("signature"));
            byte[] payload = AlephJson.mapper().writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
            return new RawMessage(target.partition(), target.offset(), target.timestampMillis(), payload);
        } catch (AlephJsonException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("benchmark fixture could not be rewritten", e);
        }
    }
}
