package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.CopyKey;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The single owner of each item_hash's status, keyed by item_hash.
 *
 * <p>Rules, chosen so that the result depends on the set of verdicts and not on their order:
 * <ul>
 *   <li>A message is accepted as soon as one valid copy arrives; a rejected copy never downgrades it.
 *   <li>Of several valid copies (relayers may change the unsigned time and channel), the smallest by
 *       {@link CopyKey} is kept; a smaller late copy rewrites the rows, a larger one is dropped.
 *   <li>A hash that only has rejected copies shows the rejection with the smallest rejection id.
 *   <li>Every rejected copy is recorded (rejections are a log of bad inputs, keyed by the hash of
 *       the raw bytes). The reference skips copies of an already processed hash without a record,
 *       which makes its records depend on arrival order.
 * </ul>
 * Main output: the copies to keep (they go on to the agreed state). Side outputs: {@link #REJECTIONS}
 * (every rejected copy, to record) and {@link #STATUS_UPDATES} (the rejection a hash without any
 * valid copy shows). Every change carries a version that grows per item_hash.
 */
public class MessageStatusFunction extends KeyedProcessFunction<String, Verdict, AcceptedCopy> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<StatusUpdate> STATUS_UPDATES = new OutputTag<>("status-updates") {};
    public static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("rejections") {};

    private final Duration retention;

    private transient ValueState<MessageStatusState> state;
    private transient Counter duplicatesDropped;
    private transient Counter copiesReplaced;

    /**
     * @param retention how long the status of an item_hash is remembered after its last change, or
     *     null to keep it forever. A duplicate arriving after that is written again (idempotently).
     */
    public MessageStatusFunction(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<MessageStatusState> descriptor =
                new ValueStateDescriptor<>("message-status", MessageStatusState.class);
        if (retention != null) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        state = getRuntimeContext().getState(descriptor);
        duplicatesDropped = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        copiesReplaced = getRuntimeContext().getMetricGroup().counter("copiesReplaced");
    }

    @Override
    public void processElement(Verdict verdict, Context ctx, Collector<AcceptedCopy> out) throws Exception {
        MessageStatusState current = state.value();
        if (verdict.isAccepted()) {
            onAccepted(verdict.accepted(), current, ctx, out);
        } else {
            onRejected(verdict.rejected(), current, ctx);
        }
    }

    private void onAccepted(VerifiedMessage message, MessageStatusState current, Context ctx, Collector<AcceptedCopy> out)
            throws Exception {
        CopyKey copy = CopyKey.of(message);
        if (current != null && current.keptCopy() != null) {
            if (copy.compareTo(current.keptCopy()) >= 0) {
                duplicatesDropped.inc();
                return;
            }
            long version = MessageStatusState.nextVersion(current, message.receivedMillis());
            CopyKey previous = current.keptCopy();
            boolean sameBySenderRow = previous.sender().equals(message.sender()) && previous.time() == message.time();
            out.collect(new AcceptedCopy(
                    message, version, sameBySenderRow ? null : previous.sender(), sameBySenderRow ? null : previous.time()));
            state.update(new MessageStatusState(current.status(), copy, current.rejectionId(), version));
            copiesReplaced.inc();
            return;
        }
        long version = MessageStatusState.nextVersion(current, message.receivedMillis());
        out.collect(new AcceptedCopy(message, version, null, null));
        state.update(new MessageStatusState(MessageStatus.ACCEPTED, copy, null, version));
    }

    private void onRejected(Rejection rejection, MessageStatusState current, Context ctx) throws Exception {
        ctx.output(REJECTIONS, rejection);
        boolean showsThisRejection = current == null
                || (current.status() == MessageStatus.REJECTED
                        && rejection.rejectionId().compareTo(current.rejectionId()) < 0);
        if (!showsThisRejection) {
            return;
        }
        long version = MessageStatusState.nextVersion(current, rejection.receivedMillis());
        ctx.output(STATUS_UPDATES, new StatusUpdate(
                rejection.itemHash(),
                MessageStatus.REJECTED,
                rejection.errorCode().code(),
                rejection.reason(),
                version,
                rejection.receivedMillis()));
        state.update(new MessageStatusState(MessageStatus.REJECTED, null, rejection.rejectionId(), version));
    }
}
