package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.functions.AttestFunction;
import cloud.aleph.flink.operators.functions.EpochDigestFunction;
import cloud.aleph.flink.operators.functions.VerifyMessageFunction;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Verdict;
import java.util.function.Consumer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job of one CCN in a network of several: verifies every raw record with its own checks,
 * signs an attestation per record with its node key, and signs a digest per epoch of each
 * partition. It writes nothing else: the agreement job turns the CCNs' attestations into the
 * agreed state.
 *
 * <pre>
 * raw ─► verify ─┬─► sign attestation ─► attestations topic
 *                └─► keyBy(partition) epoch digest ─► digests topic
 * </pre>
 */
public final class CcnVerificationJob {

    private CcnVerificationJob() {}

    public static void main(String[] args) throws Exception {
        Configuration configuration = JobConfiguration.fromArgsAndEnvironment(args);
        StreamExecutionEnvironment env = JobEnvironment.create(configuration);
        ProductionWiring.defineCcnVerificationJob(env, configuration, null);
        env.execute("aleph-ccn-verification-" + configuration.get(JobOptions.CCN_ID));
    }

    /**
     * @param verdictTransform changes this CCN's verdicts before it signs them, or null; only tests
     *     use it, to play a faulty CCN
     */
    public static void defineWorkflow(StreamExecutionEnvironment env, Source<RawMessage, ?, ?> source,
            Configuration configuration, Consumer<DataStream<Attestation>> attestations,
            Consumer<DataStream<EpochDigest>> digests, MapFunction<Verdict, Verdict> verdictTransform) {
        String ccn = configuration.get(JobOptions.CCN_ID);
        String key = configuration.get(JobOptions.CCN_PRIVATE_KEY);
        if (key == null) {
            throw new IllegalArgumentException("a CCN needs its node key: set " + JobOptions.CCN_PRIVATE_KEY.key());
        }
        int parallelism = configuration.get(JobOptions.VERIFY_PARALLELISM);
        // Source and verification share their parallelism, so each partition's records stay in offset order up to the epochs.
        DataStream<Verdict> verdicts = env.fromSource(source, WatermarkStrategy.noWatermarks(), OperatorIds.RAW_SOURCE_NAME)
                .uid(OperatorIds.RAW_SOURCE_UID)
                .setParallelism(parallelism)
                .map(new VerifyMessageFunction(configuration.get(JobOptions.SECP256K1)))
                .uid(OperatorIds.VERIFY_UID)
                .name(OperatorIds.VERIFY_NAME)
                .setParallelism(parallelism);
        if (verdictTransform != null) {
            verdicts = verdicts.map(verdictTransform).uid("verdict-transform").name("Verdict transform (test)")
                    .setParallelism(parallelism);
        }
        attestations.accept(verdicts.map(new AttestFunction(ccn, key))
                .uid(OperatorIds.ATTEST_UID)
                .name(OperatorIds.ATTEST_NAME)
                .setParallelism(parallelism));
        digests.accept(verdicts
                .keyBy(CcnVerificationJob::partitionOf)
                .process(new EpochDigestFunction(ccn, key, configuration.get(JobOptions.EPOCH_SIZE)))
                .uid(OperatorIds.EPOCH_DIGEST_UID)
                .name(OperatorIds.EPOCH_DIGEST_NAME));
    }

    static int partitionOf(Verdict verdict) {
        return verdict.isAccepted() ? verdict.accepted().partition() : verdict.rejected().partition();
    }
}
