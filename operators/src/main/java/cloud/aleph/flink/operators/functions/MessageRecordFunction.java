package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.ForgottenRecord;
import cloud.aleph.flink.operators.model.MessageEvent;
import cloud.aleph.flink.operators.model.MessageRowChange;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.StateDecision;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The single writer of everything keyed by item_hash (keyed by item_hash): the status, the rows of
 * the kept copy, the forgotten record. It hears the kept copy and the rejection at verification
 * from the status operator, the decision of the agreed state, and the finalised epoch, and shows:
 * the state's decision if there is one ({@code final} instead of processed once its epoch is
 * final); else {@code accepted} if a valid copy exists; else the rejection. The message rows exist exactly while the status is processed. Every write carries a
 * version that grows per item_hash, so late or replayed writes never win over newer ones.
 */
public class MessageRecordFunction extends KeyedProcessFunction<String, MessageEvent, StatusUpdate> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<MessageRowChange> MESSAGE_ROWS = new OutputTag<>("message-rows") {};
    public static final OutputTag<ForgottenRecord> FORGOTTEN = new OutputTag<>("forgotten") {};

    private transient ValueState<MessageRecordState> state;

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("message-record", MessageRecordState.class));
    }

    @Override
    public void processElement(MessageEvent event, Context ctx, Collector<StatusUpdate> out) throws Exception {
        MessageRecordState current = state.value();
        VerifiedMessage copy = current == null ? null : current.copy();
        Integer rejectionCode = current == null ? null : current.rejectionCode();
        String rejectionReason = current == null ? null : current.rejectionReason();
        String decisionStatus = current == null ? null : current.decisionStatus();
        Integer decisionCode = current == null ? null : current.decisionCode();
        String decisionReason = current == null ? null : current.decisionReason();
        String forgottenBy = current == null ? null : current.forgottenBy();
        String epoch = current == null ? null : current.epoch();
        long received = ctx.timerService().currentProcessingTime();
        if (event.copy() != null) {
            copy = event.copy().message();
            received = copy.receivedMillis();
        } else if (event.verificationRejection() != null) {
            rejectionCode = event.verificationRejection().errorCode();
            rejectionReason = event.verificationRejection().reason();
            received = event.verificationRejection().updatedMillis();
        } else if (event.finalMark() != null) {
            epoch = event.finalMark().epoch();
        } else {
            StateDecision decision = event.decision();
            decisionStatus = decision.status().name();
            decisionCode = decision.errorCode();
            decisionReason = decision.reason();
            forgottenBy = decision.forgottenBy();
        }

        if (copy == null && rejectionCode == null && decisionStatus == null) {
            // Only the finality of the hash is known so far (its epoch can finalise before its copy arrives).
            state.update(new MessageRecordState(null, null, null, null, null, null, null, null, null, null, null, epoch,
                    current == null ? 0 : current.version()));
            return;
        }
        MessageStatus shown;
        Integer shownCode;
        String shownReason;
        if (decisionStatus != null) {
            shown = MessageStatus.valueOf(decisionStatus);
            if (shown == MessageStatus.PROCESSED && epoch != null) {
                shown = MessageStatus.FINAL;
            }
            shownCode = decisionCode;
            shownReason = decisionReason;
        } else if (copy != null) {
            shown = MessageStatus.ACCEPTED;
            shownCode = null;
            shownReason = null;
        } else {
            shown = MessageStatus.REJECTED;
            shownCode = rejectionCode;
            shownReason = rejectionReason;
        }

        long version = current == null ? 0 : current.version();
        String hash = ctx.getCurrentKey();
        boolean statusChanged = current == null || !shown.name().equals(current.shownStatus())
                || !Objects.equals(shownCode, current.shownCode()) || !Objects.equals(shownReason, current.shownReason());
        if (statusChanged) {
            version = next(version, received);
            out.collect(new StatusUpdate(hash, shown, shownCode, shownReason, version, received,
                    shown == MessageStatus.FINAL ? epoch : null));
        }

        VerifiedMessage rowsOf = current == null ? null : current.rowsOf();
        boolean wantRows = copy != null && (shown == MessageStatus.PROCESSED || shown == MessageStatus.FINAL);
        if (wantRows && !copy.equals(rowsOf)) {
            version = next(version, received);
            ctx.output(MESSAGE_ROWS, new MessageRowChange(copy, false, version, rowsOf));
            rowsOf = copy;
        } else if (!wantRows && rowsOf != null) {
            version = next(version, received);
            ctx.output(MESSAGE_ROWS, new MessageRowChange(rowsOf, true, version, null));
            rowsOf = null;
        }

        // The forgotten record describes the kept copy, so it needs both the copy and the decision:
        // the decision can overtake the copy (they come by different paths), and the kept copy can
        // change. It is written when the last of them arrives, rewritten when either changes.
        VerifiedMessage previousCopy = current == null ? null : current.copy();
        boolean recordWritten = previousCopy != null && MessageStatus.FORGOTTEN.name().equals(current.shownStatus());
        boolean recordStale = !recordWritten || !Objects.equals(forgottenBy, current.forgottenBy())
                || !previousCopy.equals(copy);
        if (copy != null && shown == MessageStatus.FORGOTTEN && recordStale) {
            version = next(version, received);
            ctx.output(FORGOTTEN, forgottenRecord(copy, forgottenBy, false, version));
        } else if (recordWritten && shown != MessageStatus.FORGOTTEN) {
            version = next(version, received);
            ctx.output(FORGOTTEN, forgottenRecord(copy, forgottenBy, true, version));
        }

        state.update(new MessageRecordState(copy, rejectionCode, rejectionReason, decisionStatus, decisionCode,
                decisionReason, forgottenBy, shown.name(), shownCode, shownReason, rowsOf, epoch, version));
    }

    private static ForgottenRecord forgottenRecord(VerifiedMessage copy, String forgottenBy, boolean remove, long version) {
        return new ForgottenRecord(copy.itemHash(), forgottenBy, copy.owner(), copy.type().wire(), copy.sender(),
                copy.chain().wire(), copy.channel(), copy.time(), remove, version);
    }

    /** Above the last version, and at least the input's time in microseconds so versions grow across state loss. */
    private static long next(long previous, long millis) {
        return Math.max(previous + 1, Math.max(0, millis) * 1000);
    }
}
