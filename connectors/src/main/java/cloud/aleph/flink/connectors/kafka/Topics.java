package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.SourcePartitions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *   <li>trusted (optional): the same, published by the operator's chain indexer only (protect it
 *       with ACLs): messages of the Aleph smart contract, which may come without a signature. Read
 *       with the raw topic, its partitions numbered apart ({@link SourcePartitions}).
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
    private final TopicSpec trusted;

    /** @param trusted the trusted input, or null when there is none */
    public Topics(TopicSpec raw, TopicSpec rejected, TopicSpec attestations, TopicSpec digests, TopicSpec trusted) {
        this.raw = raw;
        this.rejected = rejected;
        this.attestations = attestations;
        this.digests = digests;
        this.trusted = trusted;
        // A trusted topic that is also another topic would let anyone who writes there skip signatures.
        if (trusted != null && List.of(raw, rejected, attestations, digests).stream()
                .anyMatch(topic -> topic.name().equals(trusted.name()))) {
            throw new IllegalArgumentException(KafkaOptions.TRUSTED_TOPIC.key() + " must name a topic of its own, not "
                    + trusted.name());
        }
    }

    public static Topics from(Configuration conf) {
        short replication = conf.get(KafkaOptions.REPLICATION_FACTOR).shortValue();
        TopicSpec trusted = KafkaOptions.trustedTopic(conf)
                .map(name -> new TopicSpec(name, conf.get(KafkaOptions.TRUSTED_PARTITIONS), replication,
                        "Aleph messages of the smart contract (JSON), from the chain indexer only"))
                .orElse(null);
        return new Topics(
                new TopicSpec(conf.get(KafkaOptions.RAW_TOPIC), conf.get(KafkaOptions.RAW_PARTITIONS), replication,
                        "Aleph message envelopes (JSON) published by clients"),
                new TopicSpec(conf.get(KafkaOptions.REJECTED_TOPIC), conf.get(KafkaOptions.REJECTED_PARTITIONS),
                        replication, "rejected messages (JSON) with the reference error code and reason"),
                new TopicSpec(conf.get(KafkaOptions.ATTESTATIONS_TOPIC), conf.get(KafkaOptions.CONSENSUS_PARTITIONS),
                        replication, "signed verdicts of every CCN on every raw record (JSON)"),
                new TopicSpec(conf.get(KafkaOptions.DIGESTS_TOPIC), conf.get(KafkaOptions.CONSENSUS_PARTITIONS),
                        replication, "signed epoch digests of every CCN (JSON)"),
                trusted);
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

    /** The trusted input, when one is configured. */
    public Optional<TopicSpec> trusted() {
        return Optional.ofNullable(trusted);
    }

    /** The topics the jobs read messages from: the raw topic, then the trusted one if any. */
    public List<String> inputs() {
        return trusted == null ? List.of(raw.name()) : List.of(raw.name(), trusted.name());
    }

    /** Every topic of the project, the trusted one last when configured. */
    public List<TopicSpec> all() {
        List<TopicSpec> all = new ArrayList<>(List.of(raw, rejected, attestations, digests));
        trusted().ifPresent(all::add);
        return List.copyOf(all);
    }

    /** Reads the records of {@link #inputs()}, marking the trusted topic's. */
    public KafkaRecordDeserializationSchema<RawMessage> rawDeserializer() {
        return new RawMessageDeserializer(trusted().map(TopicSpec::name));
    }

    public KafkaRecordSerializationSchema<Rejection> rejectedSerializer() {
        return new RejectionSerializer(rejected.name());
    }
}
