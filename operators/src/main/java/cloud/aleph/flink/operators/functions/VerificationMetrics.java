package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.Verdict;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counters of the verification step, under the component group {@value #GROUP}: accepted and
 * rejected messages, and rejected messages per reference error code in the key/value group
 * {@value #ERROR_CODE_GROUP} (one child per {@link ErrorCode}: bounded cardinality).
 */
public final class VerificationMetrics {

    public static final String GROUP = "verification";
    public static final String MESSAGES_ACCEPTED = "messagesAccepted";
    public static final String MESSAGES_REJECTED = "messagesRejected";
    public static final String ERROR_CODE_GROUP = "errorCode";

    private final Counter accepted;
    private final Counter rejected;
    private final Map<ErrorCode, Counter> rejectedByCode = new EnumMap<>(ErrorCode.class);

    private VerificationMetrics(MetricGroup operatorGroup) {
        MetricGroup group = operatorGroup.addGroup(GROUP);
        accepted = group.counter(MESSAGES_ACCEPTED);
        rejected = group.counter(MESSAGES_REJECTED);
        for (ErrorCode code : ErrorCode.values()) {
            rejectedByCode.put(code, group.addGroup(ERROR_CODE_GROUP, code.name()).counter(MESSAGES_REJECTED));
        }
    }

    /** Registers every counter once; call from {@code open}. */
    public static VerificationMetrics register(MetricGroup operatorGroup) {
        return new VerificationMetrics(operatorGroup);
    }

    public void record(Verdict verdict) {
        if (verdict.isAccepted()) {
            accepted.inc();
        } else {
            rejected.inc();
            rejectedByCode.get(verdict.rejected().errorCode()).inc();
        }
    }
}
