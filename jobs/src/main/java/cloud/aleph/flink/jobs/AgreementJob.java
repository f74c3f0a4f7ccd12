package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.consensus.Membership;
import cloud.aleph.flink.operators.functions.FinalityFunction;
import cloud.aleph.flink.operators.functions.QuorumFunction;
import cloud.aleph.flink.operators.functions.RecordBodyFunction;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.ConsensusNote;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.FinalEpoch;
import cloud.aleph.flink.operators.model.FinalMark;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.RecordBody;
import cloud.aleph.flink.operators.model.Verdict;
import java.util.function.Consumer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The agreement of a network of CCNs: reads each raw record for its content, counts the CCNs'
 * attestations on it into a quorum, and sends the agreed verdicts on to the agreed state (the same
 * operators as the single-CCN job); finalises the epochs a majority of CCNs signed the same root
 * for, which makes their messages final.
 *
 * <pre>
 * raw ─► read records ─┐
 * attestations ────────┴► keyBy(partition:offset) quorum ─► agreed state (see {@link AgreedStateWorkflow})
 * digests ─► keyBy(partition:start) finality ─► final epochs ─► messages made final ──────┘
 *                                   └─► notes on disagreeing and divergent CCNs
 * </pre>
 */
public final class AgreementJob {

    /** Where the consensus's own records go. */
    public record ConsensusOutputs(
            Consumer<DataStream<FinalEpoch>> finalEpochs,
            Consumer<DataStream<EpochDigest>> finalSignatures,
            Consumer<DataStream<ConsensusNote>> notes) {}

    private AgreementJob() {}

    public static void main(String[] args) throws Exception {
        Configuration configuration = JobConfiguration.fromArgsAndEnvironment(args);
        StreamExecutionEnvironment env = JobEnvironment.create(configuration);
        ProductionWiring.defineAgreementJob(env, configuration);
        env.execute("aleph-agreement");
    }

    public static void defineWorkflow(StreamExecutionEnvironment env, Source<RawMessage, ?, ?> raw,
            Source<Attestation, ?, ?> attestations, Source<EpochDigest, ?, ?> digests, Configuration configuration,
            VerificationJob.Outputs outputs, ConsensusOutputs consensus) {
        Membership membership = membership(configuration);
        String secp256k1 = configuration.get(JobOptions.SECP256K1);

        DataStream<RecordBody> bodies = env.fromSource(raw, WatermarkStrategy.noWatermarks(), OperatorIds.RAW_SOURCE_NAME)
                .uid(OperatorIds.RAW_SOURCE_UID)
                .map(new RecordBodyFunction())
                .uid(OperatorIds.RECORD_BODY_UID)
                .name(OperatorIds.RECORD_BODY_NAME);
        DataStream<Attestation> votes = env.fromSource(attestations, WatermarkStrategy.noWatermarks(),
                        OperatorIds.ATTESTATION_SOURCE_NAME)
                .uid(OperatorIds.ATTESTATION_SOURCE_UID);
        SingleOutputStreamOperator<Verdict> agreed = bodies
                .keyBy(RecordBody::recordKey)
                .connect(votes.keyBy(AgreementJob::recordKey))
                .process(new QuorumFunction(membership, secp256k1, configuration.get(JobOptions.VOTE_RETENTION)))
                .uid(OperatorIds.QUORUM_UID)
                .name(OperatorIds.QUORUM_NAME);

        SingleOutputStreamOperator<FinalEpoch> finalEpochs = env
                .fromSource(digests, WatermarkStrategy.noWatermarks(), OperatorIds.DIGEST_SOURCE_NAME)
                .uid(OperatorIds.DIGEST_SOURCE_UID)
                .keyBy(AgreementJob::epochKey)
                .process(new FinalityFunction(membership, secp256k1))
                .uid(OperatorIds.FINALITY_UID)
                .name(OperatorIds.FINALITY_NAME);
        DataStream<FinalMark> finalMarks = finalEpochs
                .flatMap(AgreementJob::finalMarks)
                .returns(FinalMark.class)
                .uid(OperatorIds.FINAL_MARKS_UID)
                .name(OperatorIds.FINAL_MARKS_NAME);

        AgreedStateWorkflow.define(agreed, configuration, outputs, finalMarks);
        consensus.finalEpochs().accept(finalEpochs);
        consensus.finalSignatures().accept(finalEpochs.getSideOutput(FinalityFunction.SIGNATURES));
        consensus.notes().accept(agreed.getSideOutput(QuorumFunction.NOTES)
                .union(finalEpochs.getSideOutput(FinalityFunction.NOTES)));
    }

    static Membership membership(Configuration configuration) {
        String members = configuration.get(JobOptions.CONSENSUS_MEMBERS);
        if (members == null) {
            throw new IllegalArgumentException("the agreement needs the CCNs: set " + JobOptions.CONSENSUS_MEMBERS.key());
        }
        return Membership.parse(members, configuration.get(JobOptions.QUORUM), configuration.get(JobOptions.QUORUM_BY_TYPE));
    }

    static String recordKey(Attestation attestation) {
        return attestation.partition() + ":" + attestation.offset();
    }

    static String epochKey(EpochDigest digest) {
        return digest.partition() + ":" + digest.start();
    }

    private static void finalMarks(FinalEpoch epoch, org.apache.flink.util.Collector<FinalMark> out) {
        if (epoch.leaves() != null && !epoch.leaves().isEmpty()) {
            for (String itemHash : epoch.leaves().split(",")) {
                out.collect(new FinalMark(itemHash, epoch.id()));
            }
        }
    }
}
