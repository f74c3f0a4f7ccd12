package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The rejected topic as a downstream consumer sees it: read_committed, aborted transactions invisible. */
final class RejectedTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RejectedTopic() {}

    /** The rejection_id of a record of the rejected topic. */
    static String rejectionIdOf(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value()).get("rejection_id").textValue();
        } catch (IOException e) {
            throw new AssertionError("a record of the rejected topic is not JSON", e);
        }
    }

    /** Every committed record, from the beginning of each partition to its last stable offset at the time of the call. */
    static List<ConsumerRecord<byte[], byte[]>> readAllCommitted(Configuration conf, Duration timeout) {
        String topic = conf.get(KafkaOptions.REJECTED_TOPIC);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For a read_committed consumer these are the last stable offsets.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
