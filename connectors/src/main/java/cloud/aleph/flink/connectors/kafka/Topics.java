package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;

/**
 * The project's topics in one place: names and partitions from configuration, and the record
 * formats that go with them.
 *
 * <ul>
 *   <li>raw: value = an Aleph message envelope, JSON exactly as the Aleph API takes it, published
 *       by clients; key unused. Read as {@link RawMessage} by {@link RawMessageDeserializer}.
 *   <li>rejected: value = JSON of a {@link Rejection} (see {@link RejectionSerializer}), key =
 *       item_hash or rejection_id, headers aleph-error-code, aleph-source-partition,
 *       aleph-source-offset; written exactly once.
 * </ul>
 */
public final class Topics implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TopicSpec raw;
    private final TopicSpec rejected;

    public Topics(TopicSpec raw, TopicSpec rejected) {
        this.raw = raw;
        this.rejected = rejected;
    }

    public static Topics from(Configuration conf) {
        short replication = conf.get(KafkaOptions.REPLICATION_FACTOR).shortValue();
        return new Topics(
                new TopicSpec(conf.get(KafkaOptions.RAW_TOPIC), conf.get(KafkaOptions.RAW_PARTITIONS), replication,
                        "Aleph message envelopes (JSON) published by clients"),
                new TopicSpec(conf.get(KafkaOptions.REJECTED_TOPIC), conf.get(KafkaOptions.REJECTED_PARTITIONS),
                        replication, "rejected messages (JSON) with the reference error code and reason"));
    }

    public TopicSpec raw() {
        return raw;
    }

    public TopicSpec rejected() {
        return rejected;
    }

    public List<TopicSpec> all() {
        return List.of(raw, rejected);
    }

    public KafkaRecordDeserializationSchema<RawMessage> rawDeserializer() {
        return new RawMessageDeserializer();
    }

    public KafkaRecordSerializationSchema<Rejection> rejectedSerializer() {
        return new RejectionSerializer(rejected.name());
    }
}
