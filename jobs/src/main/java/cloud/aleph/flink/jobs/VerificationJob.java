package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.functions.VerifyMessageFunction;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.ForgottenRecord;
import cloud.aleph.flink.operators.model.MessageRowChange;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.StateRowChange;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.Verdict;
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

        AgreedStateWorkflow.define(verdicts, configuration, outputs, null);
    }
}
