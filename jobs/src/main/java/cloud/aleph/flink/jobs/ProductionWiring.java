package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.cassandra.CassandraSink;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.kafka.KafkaConnectors;
import cloud.aleph.flink.connectors.s3.MessageContentObjects;
import cloud.aleph.flink.connectors.s3.ObjectStoreSink;
import cloud.aleph.flink.operators.model.RawMessage;
import java.util.function.UnaryOperator;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Binds the verification job's outputs to the real connectors: Kafka in, Cassandra, S3 and Kafka out. */
public final class ProductionWiring {

    private ProductionWiring() {}

    /** Defines the verification job with its production source and sinks on {@code env}. */
    public static void defineVerificationJob(StreamExecutionEnvironment env, Configuration jobConfiguration) {
        defineVerificationJob(env, jobConfiguration, UnaryOperator.identity());
    }

    /**
     * Defines the verification job with the production source passed through {@code sourceDecorator}
     * (tests wrap it, to inject a failure into an otherwise unchanged job).
     */
    public static void defineVerificationJob(StreamExecutionEnvironment env, Configuration jobConfiguration,
            UnaryOperator<Source<RawMessage, ?, ?>> sourceDecorator) {
        Configuration configuration = new Configuration(jobConfiguration);
        String ccn = configuration.get(JobOptions.CCN_ID);
        if (!configuration.contains(KafkaOptions.GROUP_ID)) {
            // Every CCN reads the whole raw topic: one consumer group per CCN.
            configuration.set(KafkaOptions.GROUP_ID, "aleph-" + ccn);
        }
        VerificationJob.defineWorkflow(env, sourceDecorator.apply(KafkaConnectors.rawSource(configuration)), configuration,
                new VerificationJob.Outputs(
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
                            rejections.sinkTo(KafkaConnectors.rejectedSink(configuration, "aleph-" + ccn + "-rejected"))
                                    .uid(OperatorIds.REJECTED_TOPIC_SINK_UID)
                                    .name(OperatorIds.REJECTED_TOPIC_SINK_NAME);
                        }));
    }
}
