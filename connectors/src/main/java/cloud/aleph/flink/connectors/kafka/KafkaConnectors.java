package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Builds the Kafka source and sinks of the verification job from configuration. */
public final class KafkaConnectors {

    private KafkaConnectors() {}

    /** The source of the raw topic (and of the trusted topic, when one is configured), unbounded. */
    public static KafkaSource<RawMessage> rawSource(Configuration conf) {
        return rawSource(conf, false);
    }

    /**
     * The source of the raw topic, and of the trusted topic when one is configured (its records
     * marked trusted, see {@link Topics#rawDeserializer()}): resumes from the group's committed
     * offsets (committed on every checkpoint), or from the earliest offset for a new group, reading
     * only committed records of transactional producers.
     *
     * @param boundedToLatest stop at the offsets that are latest when the job starts (tests, replays)
     */
    public static KafkaSource<RawMessage> rawSource(Configuration conf, boolean boundedToLatest) {
        Topics topics = Topics.from(conf);
        String groupId = conf.get(KafkaOptions.GROUP_ID);
        // Pass-through properties first, so that the settings below cannot be overridden by them.
        KafkaSourceBuilder<RawMessage> builder = KafkaSource.<RawMessage>builder()
                .setProperties(clientProperties(conf))
                .setBootstrapServers(KafkaOptions.bootstrapServers(conf))
                .setTopics(topics.inputs())
                .setGroupId(groupId)
                .setClientIdPrefix(groupId)
                .setStartingOffsets(committedOrEarliest())
                .setDeserializer(topics.rawDeserializer())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (boundedToLatest) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    @SuppressWarnings("deprecation") // the connector's API still takes the deprecated enum
    private static OffsetsInitializer committedOrEarliest() {
        return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
    }

    /**
     * The rejected-topic sink, exactly once: records become visible to read_committed consumers
     * when the checkpoint that covers them completes.
     *
     * @param transactionalIdPrefix unique per job and per sink (two EXACTLY_ONCE sinks must never share one)
     */
    public static KafkaSink<Rejection> rejectedSink(Configuration conf, String transactionalIdPrefix) {
        if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
            throw new IllegalArgumentException("an exactly-once sink needs a transactional id prefix, unique per job and sink");
        }
        Topics topics = Topics.from(conf);
        return KafkaSink.<Rejection>builder()
                .setKafkaProducerConfig(clientProperties(conf))
                .setBootstrapServers(KafkaOptions.bootstrapServers(conf))
                .setRecordSerializer(topics.rejectedSerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                // Flink's default (1 h) exceeds the broker's default maximum (15 min): set it explicitly.
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        Long.toString(conf.get(KafkaOptions.TRANSACTION_TIMEOUT).toMillis()))
                .build();
    }

    /** The attestations of every CCN, from the group's committed offsets (earliest for a new group). */
    public static KafkaSource<Attestation> attestationSource(Configuration conf) {
        return consensusSource(conf, Topics.from(conf).attestations().name(), Attestation.class);
    }

    /** The epoch digests of every CCN, from the group's committed offsets (earliest for a new group). */
    public static KafkaSource<EpochDigest> digestSource(Configuration conf) {
        return consensusSource(conf, Topics.from(conf).digests().name(), EpochDigest.class);
    }

    private static <T> KafkaSource<T> consensusSource(Configuration conf, String topic, Class<T> type) {
        String groupId = conf.get(KafkaOptions.GROUP_ID);
        return KafkaSource.<T>builder()
                .setProperties(clientProperties(conf))
                .setBootstrapServers(KafkaOptions.bootstrapServers(conf))
                .setTopics(topic)
                .setGroupId(groupId)
                .setClientIdPrefix(groupId + "-" + topic)
                .setStartingOffsets(committedOrEarliest())
                .setDeserializer(JsonRecordSerde.deserializer(type))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .build();
    }

    /** This CCN's attestations, exactly once, keyed by the record they are about. */
    public static KafkaSink<Attestation> attestationSink(Configuration conf, String transactionalIdPrefix) {
        return exactlyOnce(conf, transactionalIdPrefix, JsonRecordSerde.serializer(
                Topics.from(conf).attestations().name(), a -> a.partition() + ":" + a.offset()));
    }

    /** This CCN's epoch digests, exactly once, keyed by the epoch. */
    public static KafkaSink<EpochDigest> digestSink(Configuration conf, String transactionalIdPrefix) {
        return exactlyOnce(conf, transactionalIdPrefix, JsonRecordSerde.serializer(
                Topics.from(conf).digests().name(), d -> d.partition() + ":" + d.start()));
    }

    private static <T> KafkaSink<T> exactlyOnce(
            Configuration conf, String transactionalIdPrefix, KafkaRecordSerializationSchema<T> serializer) {
        if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
            throw new IllegalArgumentException("an exactly-once sink needs a transactional id prefix, unique per job and sink");
        }
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(clientProperties(conf))
                .setBootstrapServers(KafkaOptions.bootstrapServers(conf))
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        Long.toString(conf.get(KafkaOptions.TRANSACTION_TIMEOUT).toMillis()))
                .build();
    }

    /** Client properties passed through as {@code aleph.kafka.client.*} (security settings and the like). */
    static Properties clientProperties(Configuration conf) {
        Properties properties = new Properties();
        properties.putAll(KafkaOptions.clientProperties(conf));
        return properties;
    }
}
