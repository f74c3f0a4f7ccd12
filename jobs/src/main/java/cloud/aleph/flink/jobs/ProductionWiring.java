package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.cassandra.CassandraSink;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.kafka.KafkaConnectors;
import cloud.aleph.flink.connectors.s3.MessageContentObjects;
import cloud.aleph.flink.connectors.s3.ObjectStoreSink;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Verdict;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Binds the jobs to the real connectors: Kafka in, Cassandra, S3 and Kafka out. */
public final class ProductionWiring {

    private ProductionWiring() {}

    /** Defines the single-CCN job (verification and agreed state in one) with its production source and sinks. */
    public static void defineVerificationJob(StreamExecutionEnvironment env, Configuration jobConfiguration) {
        defineVerificationJob(env, jobConfiguration, UnaryOperator.identity());
    }

    /**
     * Defines the single-CCN job with the production source passed through {@code sourceDecorator}
     * (tests wrap it, to inject a failure into an otherwise unchanged job).
     */
    public static void defineVerificationJob(StreamExecutionEnvironment env, Configuration jobConfiguration,
            UnaryOperator<Source<RawMessage, ?, ?>> sourceDecorator) {
        Configuration configuration = withCcnGroup(jobConfiguration, "aleph-");
        String ccn = configuration.get(JobOptions.CCN_ID);
        VerificationJob.defineWorkflow(env, sourceDecorator.apply(KafkaConnectors.rawSource(configuration)), configuration,
                outputs(configuration, "aleph-" + ccn + "-rejected"));
    }

    /** Defines the job of one CCN of a network: attestations and epoch digests to Kafka. */
    public static void defineCcnVerificationJob(StreamExecutionEnvironment env, Configuration jobConfiguration,
            MapFunction<Verdict, Verdict> verdictTransform) {
        Configuration configuration = withCcnGroup(jobConfiguration, "aleph-ccn-");
        String ccn = configuration.get(JobOptions.CCN_ID);
        CcnVerificationJob.defineWorkflow(env, KafkaConnectors.rawSource(configuration), configuration,
                attestations -> attestations.sinkTo(KafkaConnectors.attestationSink(configuration, "aleph-" + ccn + "-attestations"))
                        .uid(OperatorIds.ATTESTATION_SINK_UID)
                        .name(OperatorIds.ATTESTATION_SINK_NAME),
                digests -> digests.sinkTo(KafkaConnectors.digestSink(configuration, "aleph-" + ccn + "-digests"))
                        .uid(OperatorIds.DIGEST_SINK_UID)
                        .name(OperatorIds.DIGEST_SINK_NAME),
                verdictTransform);
    }

    /** Defines the agreement of a network of CCNs with its production sources and sinks. */
    public static void defineAgreementJob(StreamExecutionEnvironment env, Configuration jobConfiguration) {
        defineAgreementJob(env, jobConfiguration, UnaryOperator.identity());
    }

    /**
     * Defines the agreement with its production raw-topic source passed through
     * {@code rawSourceDecorator} (tests wrap it, to inject a failure into an otherwise unchanged job).
     */
    public static void defineAgreementJob(StreamExecutionEnvironment env, Configuration jobConfiguration,
            UnaryOperator<Source<RawMessage, ?, ?>> rawSourceDecorator) {
        Configuration configuration = new Configuration(jobConfiguration);
        if (!configuration.contains(KafkaOptions.GROUP_ID)) {
            configuration.set(KafkaOptions.GROUP_ID, "aleph-agreement");
        }
        AgreementJob.defineWorkflow(env, rawSourceDecorator.apply(KafkaConnectors.rawSource(configuration)),
                KafkaConnectors.attestationSource(configuration), KafkaConnectors.digestSource(configuration),
                // Transactional ids follow the group, so two agreements on one Kafka cluster never fence each other.
                configuration, outputs(configuration, configuration.get(KafkaOptions.GROUP_ID) + "-rejected"),
                new AgreementJob.ConsensusOutputs(
                        epochs -> epochs.sinkTo(CassandraSink.epochs(configuration))
                                .uid(OperatorIds.EPOCHS_SINK_UID)
                                .name(OperatorIds.EPOCHS_SINK_NAME),
                        signatures -> signatures.sinkTo(CassandraSink.epochSignatures(configuration))
                                .uid(OperatorIds.EPOCH_SIGNATURES_SINK_UID)
                                .name(OperatorIds.EPOCH_SIGNATURES_SINK_NAME),
                        notes -> notes.sinkTo(CassandraSink.consensusNotes(configuration))
                                .uid(OperatorIds.CONSENSUS_NOTES_SINK_UID)
                                .name(OperatorIds.CONSENSUS_NOTES_SINK_NAME)));
    }

    /** Every CCN reads the whole raw topic: one consumer group per CCN, unless configured. */
    private static Configuration withCcnGroup(Configuration jobConfiguration, String prefix) {
        Configuration configuration = new Configuration(jobConfiguration);
        if (!configuration.contains(KafkaOptions.GROUP_ID)) {
            configuration.set(KafkaOptions.GROUP_ID, prefix + configuration.get(JobOptions.CCN_ID));
        }
        return configuration;
    }

    /** The sinks of the agreed state: Cassandra, the object store, and the rejected topic. */
    private static VerificationJob.Outputs outputs(Configuration configuration, String rejectedTransactionalIdPrefix) {
        return new VerificationJob.Outputs(
                copies -> copies.flatMap(new MessageContentObjects())
                        .uid(OperatorIds.CONTENT_OBJECTS_UID)
                        .name(OperatorIds.CONTENT_OBJECTS_NAME)
                        .sinkTo(ObjectStoreSink.create(configuration))
                        .uid(OperatorIds.CONTENT_SINK_UID)
                        .name(OperatorIds.CONTENT_SINK_NAME),
                rows -> rows.sinkTo(CassandraSink.messages(configuration))
                        .uid(OperatorIds.MESSAGE_ROWS_SINK_UID)
                        .name(OperatorIds.MESSAGE_ROWS_SINK_NAME),
                statuses -> statuses.sinkTo(CassandraSink.statuses(configuration))
                        .uid(OperatorIds.STATUS_ROWS_SINK_UID)
                        .name(OperatorIds.STATUS_ROWS_SINK_NAME),
                stateRows -> stateRows.sinkTo(CassandraSink.stateRows(configuration))
                        .uid(OperatorIds.STATE_ROWS_SINK_UID)
                        .name(OperatorIds.STATE_ROWS_SINK_NAME),
                forgotten -> forgotten.sinkTo(CassandraSink.forgotten(configuration))
                        .uid(OperatorIds.FORGOTTEN_SINK_UID)
                        .name(OperatorIds.FORGOTTEN_SINK_NAME),
                rejections -> {
                    rejections.sinkTo(CassandraSink.rejections(configuration))
                            .uid(OperatorIds.REJECTION_ROWS_SINK_UID)
                            .name(OperatorIds.REJECTION_ROWS_SINK_NAME);
                    rejections.sinkTo(KafkaConnectors.rejectedSink(configuration, rejectedTransactionalIdPrefix))
                            .uid(OperatorIds.REJECTED_TOPIC_SINK_UID)
                            .name(OperatorIds.REJECTED_TOPIC_SINK_NAME);
                });
    }
}
