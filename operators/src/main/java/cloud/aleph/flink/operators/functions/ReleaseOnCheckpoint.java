package cloud.aleph.flink.operators.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Holds records back until the checkpoint that covers them has completed, then passes them on in
 * their order: a write-ahead gate in front of an at-least-once sink.
 *
 * <p>Why: the state operators emit changes relative to what they remember having written (a row
 * to delete, a status that changed). When a job fails, it restores its last checkpoint and forgets
 * what it emitted after it; a replay in another order may never emit those changes again, nor
 * their retraction, so a row written by the failed attempt would stay for good. Behind this gate
 * the sink only ever sees the output of checkpointed state, so a restore and the replay after it
 * continue exactly from what was written. Records held at a checkpoint are part of it: a restore
 * releases them at once (the checkpoint it restores has completed), so nothing is lost; the ones
 * already released before the failure are written again, at the same versions, idempotently.
 *
 * <p>The price is latency: output becomes visible one checkpoint later.
 */
public class ReleaseOnCheckpoint<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> type;

    private transient ListState<T> held;
    /** Records since the last checkpoint barrier. */
    private transient List<T> sinceBarrier;
    /** Records up to each checkpoint's barrier, by checkpoint id, until that checkpoint completes. */
    private transient TreeMap<Long, List<T>> awaitingCompletion;
    /** Records of a restored checkpoint, released once the operator is open. */
    private transient List<T> restored;

    public ReleaseOnCheckpoint(TypeInformation<T> type) {
        this.type = type;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        held = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("held-until-checkpoint", type));
        sinceBarrier = new ArrayList<>();
        awaitingCompletion = new TreeMap<>();
        restored = new ArrayList<>();
        if (context.isRestored()) {
            held.get().forEach(restored::add);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        restored.forEach(this::emit);
        restored.clear();
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        sinceBarrier.add(element.getValue());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        if (!sinceBarrier.isEmpty()) {
            awaitingCompletion.put(context.getCheckpointId(), sinceBarrier);
            sinceBarrier = new ArrayList<>();
        }
        List<T> all = new ArrayList<>();
        awaitingCompletion.values().forEach(all::addAll);
        held.update(all);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        // A completed checkpoint covers the earlier ones whose notification never came.
        Map<Long, List<T>> covered = awaitingCompletion.headMap(checkpointId, true);
        covered.values().forEach(records -> records.forEach(this::emit));
        covered.clear();
    }

    @Override
    public void finish() throws Exception {
        // End of input: no record will follow, the state they come from is final.
        awaitingCompletion.values().forEach(records -> records.forEach(this::emit));
        awaitingCompletion.clear();
        sinceBarrier.forEach(this::emit);
        sinceBarrier.clear();
        super.finish();
    }

    private void emit(T record) {
        output.collect(new StreamRecord<>(record));
    }
}
