package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** The raw topic seen from the outside: clients publish to it, the job's consumer group reads it. */
final class RawTopic {

    private RawTopic() {}

    /** Publishes the inputs in order through the production publisher and waits for the broker's acknowledgements. */
    static void publish(Configuration conf, Collection<RawInput> inputs) {
        publishEnvelopes(conf, inputs.stream().map(RawInput::json).toList());
    }

    /** Publishes the envelopes in order through the production publisher and waits for the broker's acknowledgements. */
    static void publishEnvelopes(Configuration conf, Collection<String> envelopes) {
        try (RawTopicPublisher publisher = new RawTopicPublisher(conf)) {
            for (String envelope : envelopes) {
                publisher.publish(envelope);
            }
            publisher.flush(acknowledged -> {});
            if (publisher.acknowledged() != envelopes.size()) {
                throw new AssertionError(publisher.acknowledged() + " of " + envelopes.size() + " inputs acknowledged");
            }
        }
    }

    /**
     * Waits until the job's consumer group ({@link KafkaOptions#GROUP_ID}, set explicitly) has committed, on a completed checkpoint, the end offset
     * of every raw-topic partition: every input published so far has been read, and its effects
     * belong to a completed checkpoint (or to the next one, for a stop with savepoint).
     */
    static void awaitConsumed(Configuration conf, Duration timeout) throws Exception {
        String topic = conf.get(KafkaOptions.RAW_TOPIC);
        String group = conf.get(KafkaOptions.GROUP_ID);
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf)))) {
            int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> behind = new HashMap<>();
                ends.forEach((partition, end) -> {
                    OffsetAndMetadata offset = committed.get(partition);
                    long position = offset == null ? 0 : offset.offset();
                    if (position < end) {
                        behind.put(partition, end - position);
                    }
                });
                if (behind.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("consumer group " + group + " has not committed the end of " + topic
                            + " within " + timeout + "; records behind per partition: " + behind);
                }
                Thread.sleep(100);
            }
        }
    }
}
