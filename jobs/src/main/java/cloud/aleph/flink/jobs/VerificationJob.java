package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.functions.MessageStatusFunction;
import cloud.aleph.flink.operators.functions.SplitUnidentifiedRejections;
import cloud.aleph.flink.operators.functions.VerifyMessageFunction;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
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
 * The verification job of one CCN: raw messages from Kafka are parsed, validated and verified in
 * parallel, each item_hash gets one status, and the results go to Cassandra, the object store
 * and the rejected topic.
 *
 * <pre>
 * raw topic ─► verify ─► split ─► keyBy(item_hash) ─► status ─┬─► accepted copies ─► messages, content
 *                          │                                  ├─► status updates  ─► message_status
 *                          └─► rejections without item_hash ──┴─► rejections      ─► rejected_messages, rejected topic
 * </pre>
 */
public final class VerificationJob {

    /** Where each output goes; tests plug collectors in, production plugs the connectors in. */
    public record Outputs(
            Consumer<DataStream<AcceptedCopy>> acceptedCopies,
            Consumer<DataStream<StatusUpdate>> statusUpdates,
            Consumer<DataStream<Rejection>> rejections) {}

    private VerificationJob() {}

    public static void main(String[] args) throws Exception {
        Configuration configuration = JobConfiguration.fromArgsAndEnvironment(args);
        StreamExecutionEnvironment env = JobEnvironment.create(configuration);
        ProductionWiring.defineVerificationJob(env, configuration);
        env.execute("aleph-verification-" + configuration.get(JobOptions.CCN_ID));
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

        outputs.acceptedCopies().accept(copies);
        outputs.statusUpdates().accept(copies.getSideOutput(MessageStatusFunction.STATUS_UPDATES));
        outputs.rejections().accept(copies.getSideOutput(MessageStatusFunction.REJECTIONS)
                .union(identified.getSideOutput(SplitUnidentifiedRejections.UNIDENTIFIED)));
    }
}
