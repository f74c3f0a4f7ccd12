package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Turns each raw record into a verdict (accepted message or rejection) with {@link MessageVerifier}.
 * Stateless and CPU-bound: it scales with parallelism and needs no keying. Never throws on bad input.
 */
public class VerifyMessageFunction extends RichMapFunction<RawMessage, Verdict> {

    private static final long serialVersionUID = 1L;

    private transient MessageVerifier verifier;
    private transient VerificationMetrics metrics;

    @Override
    public void open(OpenContext openContext) {
        verifier = MessageVerifier.withDefaultVerifiers();
        metrics = VerificationMetrics.register(getRuntimeContext().getMetricGroup());
    }

    @Override
    public Verdict map(RawMessage raw) {
        Verdict verdict = verifier.verify(raw);
        metrics.record(verdict);
        return verdict;
    }
}
