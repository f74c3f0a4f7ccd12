package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.functions.MessageRecordFunction;
import cloud.aleph.flink.operators.functions.MessageStatusFunction;
import cloud.aleph.flink.operators.functions.OwnerStateFunction;
import cloud.aleph.flink.operators.functions.ReleaseOnCheckpoint;
import cloud.aleph.flink.operators.functions.SplitUnidentifiedRejections;
import cloud.aleph.flink.operators.functions.VerifyMessageFunction;
import cloud.aleph.flink.operators.functions.VolumeFactsFunction;
import cloud.aleph.flink.operators.functions.VolumeIndexFunction;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.ForgottenRecord;
import cloud.aleph.flink.operators.model.MessageEvent;
import cloud.aleph.flink.operators.model.MessageRowChange;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.StateDecision;
import cloud.aleph.flink.operators.model.StateRowChange;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VolumeEvent;
import java.util.function.Consumer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job of one CCN: raw messages from Kafka are parsed, validated and verified in parallel, each
 * item_hash keeps one valid copy, the agreed state of each owner is computed from its messages,
 * and everything is written to Cassandra, the object store and the rejected topic.
 *
 * <pre>
 * raw ─► verify ─► split ─► keyBy(item_hash) status ─┬─► kept copies ─┬─► content objects (S3)
 *          │                                         │                ├─► volume facts ─► keyBy(ref) index ─┐
 *          │                                         │                └─► keyBy(owner) agreed state ◄──────┘
 *          │                                         │                          ├─► state rows (aggregates, posts, files, VMs, pending)
 *          │                                         │                          └─► decisions ─┐
 *          │                                         └─► copies, rejections at verification ──┴► keyBy(item_hash) record
 *          │                                                                                     ├─► statuses, message rows, forgotten
 *          └─► rejections (with or without item_hash) ─► rejected_messages, rejected topic
 * </pre>
 *
 * <p>The changes of the state operators (statuses, message rows, forgotten records, state rows)
 * reach Cassandra once the checkpoint after them has completed, so a restart never leaves a write
 * of the failed attempt behind.
 */
public final class VerificationJob {

    /** Where each output goes; tests plug collectors in, production plugs the connectors in. */
    public record Outputs(
            Consumer<DataStream<AcceptedCopy>> contentObjects,
            Consumer<DataStream<MessageRowChange>> messageRows,
            Consumer<DataStream<StatusUpdate>> statusUpdates,
            Consumer<DataStream<StateRowChange>> stateRows,
            Consumer<DataStream<ForgottenRecord>> forgotten,
            Consumer<DataStream<Rejection>> rejections) {}

    private VerificationJob() {}

    public static void main(String[] args) throws Exception {
        Configuration configuration = JobConfiguration.fromArgsAndEnvironment(args);
        StreamExecutionEnvironment env = JobEnvironment.create(configuration);
        ProductionWiring.defineVerificationJob(env, configuration);
        env.execute("aleph-ccn-" + configuration.get(JobOptions.CCN_ID));
    }

    public static void defineWorkflow(
            StreamExecutionEnvironment env, Source<RawMessage, ?, ?> source, Configuration configuration, Outputs outputs) {
        DataStream<RawMessage> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), OperatorIds.RAW_SOURCE_NAME)
                .uid(OperatorIds.RAW_SOURCE_UID);

        SingleOutputStreamOperator<Verdict> verdicts = raw.map(new VerifyMessageFunction(configuration.get(JobOptions.SECP256K1)))
                .uid(OperatorIds.VERIFY_UID)
                .name(OperatorIds.VERIFY_NAME)
                .setParallelism(configuration.get(JobOptions.VERIFY_PARALLELISM));

        SingleOutputStreamOperator<Verdict> identified = verdicts.process(new SplitUnidentifiedRejections())
                .uid(OperatorIds.SPLIT_UNIDENTIFIED_UID)
                .name(OperatorIds.SPLIT_UNIDENTIFIED_NAME)
                .setParallelism(configuration.get(JobOptions.VERIFY_PARALLELISM));

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
                .keyBy(VerificationJob::ownerOf)
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
        SingleOutputStreamOperator<StatusUpdate> statuses = messageEvents
                .keyBy(MessageEvent::itemHash)
                .process(new MessageRecordFunction())
                .uid(OperatorIds.MESSAGE_RECORD_UID)
                .name(OperatorIds.MESSAGE_RECORD_NAME);

        // Content objects and rejections are the same whatever the order: written at once, idempotently.
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
