package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the consensus topics for summaries: how many committed records each CCN published. For tools, not jobs. */
public final class ConsensusTopics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsensusTopics() {}

    public static Map<String, Long> attestationsPerCcn(Configuration conf) {
        return recordsPerCcn(conf, Topics.from(conf).attestations().name());
    }

    public static Map<String, Long> digestsPerCcn(Configuration conf) {
        return recordsPerCcn(conf, Topics.from(conf).digests().name());
    }

    /** Counts the committed records of a topic by their {@code ccn} field, reading it from start to end. */
    private static Map<String, Long> recordsPerCcn(Configuration conf, String topic) {
        Properties properties = KafkaConnectors.clientProperties(conf);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf));
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        JsonNode ccn = JSON.readTree(record.value()).get("ccn");
                        counts.merge(ccn == null ? "?" : ccn.asText(), 1L, Long::sum);
                    } catch (IOException | RuntimeException notJson) {
                        counts.merge("?", 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }
}
