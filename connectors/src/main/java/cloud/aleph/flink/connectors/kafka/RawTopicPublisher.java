package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes envelopes to the raw topic the way a high-volume client should: idempotent producer,
 * all replicas acknowledge, batched, keyed by item_hash so that copies of one message share a
 * partition. Input that is not JSON is sent as is, without a key: the job rejects it.
 */
public final class RawTopicPublisher implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Properties consumerProperties;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public RawTopicPublisher(Configuration conf) {
        Properties properties = KafkaConnectors.clientProperties(conf);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1024 * 1024));
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        this.consumerProperties = KafkaConnectors.clientProperties(conf);
        this.consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaOptions.bootstrapServers(conf));
        this.topic = Topics.from(conf).raw().name();
    }

    /** Sends one envelope asynchronously; {@link #flush} waits for all of them. */
    public void publish(String envelope) {
        publish(null, envelope);
    }

    /** Sends one envelope to a given partition (null: by its key), asynchronously. */
    public void publish(Integer partition, String envelope) {
        throwIfFailed();
        byte[] value = envelope.getBytes(StandardCharsets.UTF_8);
        String itemHash = itemHashOf(envelope);
        byte[] key = itemHash == null ? null : itemHash.getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, partition, key, value), (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            } else {
                acknowledged.incrementAndGet();
            }
        });
    }

    /** The next offset of every partition of the raw topic (the number of records each has had). */
    public Map<Integer, Long> endOffsets() {
        Map<Integer, Long> ends = new TreeMap<>();
        List<TopicPartition> partitions = producer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        Properties properties = new Properties();
        properties.putAll(consumerProperties);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
        }
        return ends;
    }

    /** Number of envelopes the broker has acknowledged so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Waits until every envelope sent is acknowledged, reporting progress, and fails if any send failed. */
    public void flush(LongConsumer progress) {
        producer.flush();
        progress.accept(acknowledged.get());
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("publishing to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** The top-level item_hash string of an envelope, read without building a tree; null when there is none. */
    public static String itemHashOf(String envelope) {
        try (JsonParser parser = JSON.createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String itemHash = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("item_hash".equals(field) && value == JsonToken.VALUE_STRING) {
                    itemHash = parser.getText(); // the last one wins, as in the job's JSON dialect
                } else {
                    parser.skipChildren();
                }
            }
            return itemHash;
        } catch (IOException notJson) {
            return null;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
