package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.operators.consensus.CcnIdentity;
import cloud.aleph.flink.operators.consensus.ConsensusTexts;
import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.EpochDigest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The network's topics as an outsider sees them: read_committed, from the beginning to the last
 * stable offset at the time of the call. Attestations and digests are attributed to a CCN only
 * when they are signed by that CCN's registered key (secp256k1 or Ed25519).
 */
final class NetworkTopics {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** A record of the raw topic. */
    record RawRecord(int partition, long offset, String json, long timestampMillis) {
        String position() {
            return partition + ":" + offset;
        }
    }

    private NetworkTopics() {}

    static List<RawRecord> raw(Configuration conf) {
        List<RawRecord> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(conf, conf.get(KafkaOptions.RAW_TOPIC))) {
            records.add(new RawRecord(r.partition(), r.offset(), new String(r.value(), StandardCharsets.UTF_8), r.timestamp()));
        }
        return records;
    }

    /** The attestations signed by the registered key of the CCN they name, by CCN. */
    static Map<String, List<Attestation>> attestationsByCcn(Configuration conf, NetworkKeys keys) {
        EvmVerifier verifier = new EvmVerifier();
        Map<String, List<Attestation>> byCcn = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(conf, conf.get(KafkaOptions.ATTESTATIONS_TOPIC))) {
            parse(r.value(), Attestation.class).ifPresent(a -> {
                if (signedBy(keys, a.ccn(), ConsensusTexts.attestation(a), a.signature(), verifier)) {
                    byCcn.computeIfAbsent(a.ccn(), c -> new ArrayList<>()).add(a);
                }
            });
        }
        return byCcn;
    }

    /** The digests signed by the registered key of the CCN they name, by CCN. */
    static Map<String, List<EpochDigest>> digestsByCcn(Configuration conf, NetworkKeys keys) {
        EvmVerifier verifier = new EvmVerifier();
        Map<String, List<EpochDigest>> byCcn = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(conf, conf.get(KafkaOptions.DIGESTS_TOPIC))) {
            parse(r.value(), EpochDigest.class).ifPresent(d -> {
                if (signedBy(keys, d.ccn(), ConsensusTexts.digest(d), d.signature(), verifier)) {
                    byCcn.computeIfAbsent(d.ccn(), c -> new ArrayList<>()).add(d);
                }
            });
        }
        return byCcn;
    }

    /** The rejection_id of every record of the rejected topic, with how many records carry it. */
    static Map<String, Long> rejectedTopicCounts(Configuration conf) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(conf, conf.get(KafkaOptions.REJECTED_TOPIC))) {
            counts.merge(JSON.readTree(r.value()).get("rejection_id").textValue(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Publishes records to the attestations topic as anyone can: keyed like the CCNs' own, so each
     * lands in the partition of the record it is about. Plain (non-transactional) and acknowledged.
     */
    static void publishToAttestations(Configuration conf, List<Attestation> attestations, List<String> garbage)
            throws Exception {
        String topic = conf.get(KafkaOptions.ATTESTATIONS_TOPIC);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Attestation a : attestations) {
                producer.send(new ProducerRecord<>(topic, (a.partition() + ":" + a.offset()).getBytes(StandardCharsets.UTF_8),
                        JSON.writeValueAsBytes(a))).get();
            }
            for (String text : garbage) {
                producer.send(new ProducerRecord<>(topic, null, text.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    /**
     * Null once the consumer group has committed, on a completed checkpoint, the position after
     * the last record of every partition of the topics (everything in them so far is in the
     * group's job's state), else what it has not. A transactional topic ends with a commit marker
     * that a source never emits, so the target is the last record's offset + 1, not the end offset.
     */
    static String notYetConsumed(Configuration conf, String group, List<String> topics) throws Exception {
        Map<TopicPartition, Long> afterLastRecord = new HashMap<>();
        for (String topic : topics) {
            for (ConsumerRecord<byte[], byte[]> r : readCommitted(conf, topic)) {
                afterLastRecord.merge(new TopicPartition(topic, r.partition()), r.offset() + 1, Math::max);
            }
        }
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf)))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> behind = new HashMap<>();
            afterLastRecord.forEach((partition, target) -> {
                OffsetAndMetadata offset = committed.get(partition);
                long position = offset == null ? 0 : offset.offset();
                if (position < target) {
                    behind.put(partition, target - position);
                }
            });
            return behind.isEmpty() ? null : "group " + group + " has yet to commit records " + behind;
        }
    }

    private static boolean signedBy(NetworkKeys keys, String ccn, byte[] text, String signature, EvmVerifier secp256k1) {
        return keys.ids().contains(ccn) && CcnIdentity.parse(keys.identity(ccn)).signed(text, signature, secp256k1);
    }

    private static <T> Optional<T> parse(byte[] value, Class<T> type) {
        try {
            return Optional.of(JSON.readValue(value, type));
        } catch (Exception notOurs) {
            return Optional.empty();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(Configuration conf, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf),
                ConsumerConfig.GROUP_ID_CONFIG, "it-consensus-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions); // last stable offsets
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
