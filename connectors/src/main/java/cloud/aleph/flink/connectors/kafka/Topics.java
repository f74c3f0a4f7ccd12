package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.EpochDigest;
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
 *   <li>attestations: value = JSON of an {@link Attestation}, key = partition:offset of the record
 *       it is about; written exactly once by every CCN.
 *   <li>digests: value = JSON of an {@link EpochDigest}, key = partition:start of the epoch;
 *       written exactly once by every CCN.
 * </ul>
 */
public final class Topics implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TopicSpec raw;
    private final TopicSpec rejected;
    private final TopicSpec attestations;
    private final TopicSpec digests;

    public Topics(TopicSpec raw, TopicSpec rejected, TopicSpec attestations, TopicSpec digests) {
        this.raw = raw;
        this.rejected = rejected;
        this.attestations = attestations;
        this.digests = digests;
    }

    public static Topics from(Configuration conf) {
        short replication = conf.get(KafkaOptions.REPLICATION_FACTOR).shortValue();
        return new Topics(
                new TopicSpec(conf.get(KafkaOptions.RAW_TOPIC), conf.get(KafkaOptions.RAW_PARTITIONS), replication,
                        "Aleph message envelopes (JSON) published by clients"),
                new TopicSpec(conf.get(KafkaOptions.REJECTED_TOPIC), conf.get(KafkaOptions.REJECTED_PARTITIONS),
                        replication, "rejected messages (JSON) with the reference error code and reason"),
                new TopicSpec(conf.get(KafkaOptions.ATTESTATIONS_TOPIC), conf.get(KafkaOptions.CONSENSUS_PARTITIONS),
                        replication, "signed verdicts of every CCN on every raw record (JSON)"),
                new TopicSpec(conf.get(KafkaOptions.DIGESTS_TOPIC), conf.get(KafkaOptions.CONSENSUS_PARTITIONS),
                        replication, "signed epoch digests of every CCN (JSON)"));
    }

    public TopicSpec raw() {
        return raw;
    }

    public TopicSpec rejected() {
        return rejected;
    }

    public TopicSpec attestations() {
        return attestations;
    }

    public TopicSpec digests() {
        return digests;
    }

    public List<TopicSpec> all() {
        return List.of(raw, rejected, attestations, digests);
    }

    public KafkaRecordDeserializationSchema<RawMessage> rawDeserializer() {
        return new RawMessageDeserializer();
    }

    public KafkaRecordSerializationSchema<Rejection> rejectedSerializer() {
        return new RejectionSerializer(rejected.name());
    }
}
