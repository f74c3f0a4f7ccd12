package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.functions.MessageRecordFunction;
import cloud.aleph.flink.operators.functions.MessageStatusFunction;
import cloud.aleph.flink.operators.functions.OwnerStateFunction;
import cloud.aleph.flink.operators.functions.ReleaseOnCheckpoint;
import cloud.aleph.flink.operators.functions.SplitUnidentifiedRejections;
import cloud.aleph.flink.operators.functions.VolumeFactsFunction;
import cloud.aleph.flink.operators.functions.VolumeIndexFunction;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.FinalMark;
import cloud.aleph.flink.operators.model.MessageEvent;
import cloud.aleph.flink.operators.model.StateDecision;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VolumeEvent;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * From agreed verdicts to the agreed state, shared by the single-CCN job (verdicts of its own
 * verification) and the agreement job (verdicts of a quorum of CCNs): each item_hash keeps one
 * valid copy, each owner's state is computed from its messages, and the record operator writes
 * statuses, message rows and forgotten records.
 */
final class AgreedStateWorkflow {

    private AgreedStateWorkflow() {}

    /**
     * @param verdicts agreed verdicts on raw records
     * @param finalMarks messages of finalised epochs, or null when the deployment has no finality
     */
    static void define(DataStream<Verdict> verdicts, Configuration configuration, VerificationJob.Outputs outputs,
            DataStream<FinalMark> finalMarks) {
        SingleOutputStreamOperator<Verdict> identified = verdicts.process(new SplitUnidentifiedRejections())
                .uid(OperatorIds.SPLIT_UNIDENTIFIED_UID)
                .name(OperatorIds.SPLIT_UNIDENTIFIED_NAME);

        SingleOutputStreamOperator<AcceptedCopy> copies = identified
                .keyBy(Verdict::itemHash)
                .process(new MessageStatusFunction(configuration.get(JobOptions.STATUS_RETENTION)))
                .uid(OperatorIds.STATUS_UID)
                .name(OperatorIds.STATUS_NAME);

        DataStream<VolumeEvent> volumeAnswers = copies
                .flatMap(new VolumeFactsFunction())
                .uid(OperatorIds.VOLUME_FACTS_UID)
                .name(OperatorIds.VOLUME_FACTS_NAME)
                .keyBy(VolumeEvent::ref)
                .process(new VolumeIndexFunction())
                .uid(OperatorIds.VOLUME_INDEX_UID)
                .name(OperatorIds.VOLUME_INDEX_NAME);

        SingleOutputStreamOperator<StateDecision> decisions = copies
                .keyBy(AgreedStateWorkflow::ownerOf)
                .connect(volumeAnswers.keyBy(VolumeEvent::owner))
                .process(new OwnerStateFunction(
                        configuration.get(JobOptions.MAX_WAIT), configuration.get(JobOptions.EVALUATION_DELAY)))
                .uid(OperatorIds.OWNER_STATE_UID)
                .name(OperatorIds.OWNER_STATE_NAME);

        DataStream<MessageEvent> messageEvents = copies
                .map(MessageEvent::of).uid(OperatorIds.TO_MESSAGE_EVENTS_UID_PREFIX + "copies").name("Kept copies")
                .union(copies.getSideOutput(MessageStatusFunction.STATUS_UPDATES)
                                .map(MessageEvent::of).uid(OperatorIds.TO_MESSAGE_EVENTS_UID_PREFIX + "rejections")
                                .name("Rejections at verification"),
                        decisions.map(MessageEvent::of).uid(OperatorIds.TO_MESSAGE_EVENTS_UID_PREFIX + "decisions")
                                .name("State decisions"));
        if (finalMarks != null) {
            messageEvents = messageEvents.union(finalMarks.map(MessageEvent::of)
                    .uid(OperatorIds.TO_MESSAGE_EVENTS_UID_PREFIX + "final").name("Final messages"));
        }
        SingleOutputStreamOperator<StatusUpdate> statuses = messageEvents
                .keyBy(MessageEvent::itemHash)
                .process(new MessageRecordFunction())
                .uid(OperatorIds.MESSAGE_RECORD_UID)
                .name(OperatorIds.MESSAGE_RECORD_NAME);

        // Content objects and rejections are the same whatever the order: written at once, idempotently.
        StreamExecutionEnvironment env = verdicts.getExecutionEnvironment();
        outputs.contentObjects().accept(copies);
        outputs.messageRows().accept(releasedOnCheckpoint(env, statuses.getSideOutput(MessageRecordFunction.MESSAGE_ROWS),
                "message-rows", "Message rows"));
        outputs.statusUpdates().accept(releasedOnCheckpoint(env, statuses, "statuses", "Statuses"));
        outputs.stateRows().accept(releasedOnCheckpoint(env, decisions.getSideOutput(OwnerStateFunction.ROWS),
                "state-rows", "Agreed state rows"));
        outputs.forgotten().accept(releasedOnCheckpoint(env, statuses.getSideOutput(MessageRecordFunction.FORGOTTEN),
                "forgotten", "Forgotten records"));
        outputs.rejections().accept(copies.getSideOutput(MessageStatusFunction.REJECTIONS)
                .union(identified.getSideOutput(SplitUnidentifiedRejections.UNIDENTIFIED)));
    }

    /**
     * The changes the state operators emit, held until the checkpoint of the state they come from
     * has completed ({@link ReleaseOnCheckpoint}): after a restore, what was written is exactly what
     * the restored state remembers writing. Without checkpoints there is nothing to wait for.
     */
    private static <T> DataStream<T> releasedOnCheckpoint(StreamExecutionEnvironment env, DataStream<T> changes,
            String id, String what) {
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            return changes;
        }
        return changes.transform(what + " until checkpointed", changes.getType(), new ReleaseOnCheckpoint<>(changes.getType()))
                .uid(OperatorIds.RELEASE_ON_CHECKPOINT_UID_PREFIX + id);
    }

    /** The owner whose state a message belongs to: content.address, or the sender when the content is not inline. */
    static String ownerOf(AcceptedCopy copy) {
        String owner = copy.message().owner();
        return owner != null ? owner : copy.message().sender();
    }
}
