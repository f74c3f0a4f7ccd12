package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
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

    private final String secp256k1;

    private transient MessageVerifier verifier;
    private transient VerificationMetrics metrics;

    /** With the secp256k1 implementation chosen automatically (native libsecp256k1 when it loads). */
    public VerifyMessageFunction() {
        this(Secp256k1Recoveries.DEFAULT);
    }

    /** @param secp256k1 {@code native}, {@code bouncycastle} or {@code auto} (see {@link Secp256k1Recoveries}) */
    public VerifyMessageFunction(String secp256k1) {
        Secp256k1Recoveries.requireValid(secp256k1); // fail when the job is built, not on the cluster
        this.secp256k1 = secp256k1;
    }

    @Override
    public void open(OpenContext openContext) {
        verifier = MessageVerifier.withDefaultVerifiers(secp256k1);
        metrics = VerificationMetrics.register(getRuntimeContext().getMetricGroup());
    }

    @Override
    public Verdict map(RawMessage raw) {
        Verdict verdict = verifier.verify(raw);
        metrics.record(verdict);
        return verdict;
    }
}
