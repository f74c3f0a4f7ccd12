package cloud.aleph.flink.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.kafka.KafkaConnectors;
import cloud.aleph.flink.connectors.kafka.KafkaTopicBootstrap;
import cloud.aleph.flink.connectors.kafka.RejectionSerializer;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.SourcePartitions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The raw-topic source and the exactly-once rejected-topic sink against the embedded Kafka broker. */
@ExtendWith(StackExtension.class)
class KafkaConnectorsITCase {

    private static final int REJECTIONS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Configuration conf;
    private static String bootstrapServers;

    @BeforeAll
    static void setUp(Stack stack) {
        conf = StackConfiguration.of(stack, "kafka");
        bootstrapServers = stack.kafkaBootstrapServers();
        KafkaTopicBootstrap.Result created = KafkaTopicBootstrap.ensureTopics(conf);
        assertThat(created.created()).as("raw, rejected, attestations, digests").hasSize(4);
        assertThat(KafkaTopicBootstrap.ensureTopics(conf).existing()).hasSize(4);
    }

    static Rejection rejection(long n) {
        return Samples.rejection("{\"n\": " + n + "}", n % 3 == 0 ? null : "hash-" + n, ErrorCode.INVALID_SIGNATURE, 1_000L + n);
    }

    @Test
    void rejectionsAreWrittenExactlyOnceAndVisibleToReadCommittedConsumers() throws Exception {
        StreamExecutionEnvironment env = TestJobs.environment();
        GeneratorFunction<Long, Rejection> generator = KafkaConnectorsITCase::rejection;
        // Rate-limited, so the records are spread over several checkpoints and thus several transactions.
        env.fromSource(
                        new DataGeneratorSource<>(generator, REJECTIONS, RateLimiterStrategy.perSecond(20),
                                TypeInformation.of(Rejection.class)),
                        WatermarkStrategy.noWatermarks(),
                        "rejections")
                .uid("rejections-source")
                .sinkTo(KafkaConnectors.rejectedSink(conf, "it-kafka-" + UUID.randomUUID()))
                .name("rejected-topic")
                .uid("rejected-topic");
        env.execute("rejected-sink-it");

        List<ConsumerRecord<byte[], byte[]>> records = readCommitted(conf.get(KafkaOptions.REJECTED_TOPIC), REJECTIONS);

        assertThat(records).hasSize(REJECTIONS);
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode value = JSON.readTree(record.value());
            String id = value.get("rejection_id").asText();
            ids.add(id);
            String expectedKey = value.get("item_hash").isNull() ? id : value.get("item_hash").asText();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(expectedKey);
            assertThat(value.get("error_code").asInt()).isEqualTo(1);
            assertThat(new String(record.headers().lastHeader(RejectionSerializer.HEADER_ERROR_CODE).value(), StandardCharsets.US_ASCII))
                    .isEqualTo("1");
            assertThat(new String(record.headers().lastHeader(RejectionSerializer.HEADER_SOURCE_OFFSET).value(), StandardCharsets.US_ASCII))
                    .isEqualTo("42");
        }
        Set<String> expected = new HashSet<>();
        for (long n = 0; n < REJECTIONS; n++) {
            expected.add(rejection(n).rejectionId());
        }
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void rawSourceKeepsPositionsTimestampsAndBytesAndToleratesMissingValues() throws Exception {
        String topic = conf.get(KafkaOptions.RAW_TOPIC);
        List<byte[]> values = new ArrayList<>();
        values.add("{\"item_hash\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        values.add(null);
        values.add(new byte[] {(byte) 0xff, 0, '{'});
        for (int i = 0; i < 7; i++) {
            values.add(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        Map<String, byte[]> sent = new HashMap<>();
        Map<String, Long> timestamps = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < values.size(); i++) {
                long timestamp = 1_714_564_800_000L + i;
                RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, i % 4, timestamp, null, values.get(i))).get();
                String position = metadata.partition() + "@" + metadata.offset();
                sent.put(position, values.get(i) == null ? new byte[0] : values.get(i));
                timestamps.put(position, timestamp);
            }
        }

        StreamExecutionEnvironment env = TestJobs.environment();
        List<RawMessage> read = env.fromSource(KafkaConnectors.rawSource(conf, true), WatermarkStrategy.noWatermarks(), "raw")
                .uid("raw-source")
                .executeAndCollect(values.size() + 1);

        assertThat(read).hasSize(values.size());
        Map<String, byte[]> received = new HashMap<>();
        for (RawMessage message : read) {
            String position = message.partition() + "@" + message.offset();
            received.put(position, message.payload());
            assertThat(message.timestampMillis()).as(position).isEqualTo(timestamps.get(position));
        }
        assertThat(received).containsOnlyKeys(sent.keySet());
        sent.forEach((position, bytes) -> assertThat(received.get(position)).as(position).isEqualTo(bytes));
    }

    @Test
    void withATrustedTopicTheRawSourceReadsBothAndNumbersTheTrustedPartitionsApart() throws Exception {
        Configuration mixed = new Configuration(conf);
        mixed.set(KafkaOptions.RAW_TOPIC, "it.kafka.mixed.raw");
        mixed.set(KafkaOptions.TRUSTED_TOPIC, "it.kafka.mixed.trusted");
        mixed.set(KafkaOptions.TRUSTED_PARTITIONS, 2);
        mixed.set(KafkaOptions.GROUP_ID, "it-kafka-mixed");
        assertThat(KafkaTopicBootstrap.ensureTopics(mixed).created()).as("the new raw topic and the trusted topic")
                .containsExactlyInAnyOrder("it.kafka.mixed.raw", "it.kafka.mixed.trusted");
        Map<String, String> sent = new HashMap<>();
        Set<String> sentToTrusted = new HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < 4; i++) {
                // The same partitions and offsets on both topics: positions that would collide without the numbering.
                String topic = i % 2 == 0 ? "it.kafka.mixed.raw" : "it.kafka.mixed.trusted";
                String value = "{\"n\":" + i + "}";
                RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, i / 2, null,
                        value.getBytes(StandardCharsets.UTF_8))).get();
                int source = topic.endsWith("trusted")
                        ? SourcePartitions.trusted(metadata.partition()) : SourcePartitions.raw(metadata.partition());
                sent.put(source + "@" + metadata.offset(), value);
                if (topic.endsWith("trusted")) {
                    sentToTrusted.add(value);
                }
            }
        }

        StreamExecutionEnvironment env = TestJobs.environment();
        List<RawMessage> read = env.fromSource(KafkaConnectors.rawSource(mixed, true), WatermarkStrategy.noWatermarks(), "raw")
                .uid("raw-and-trusted-source")
                .executeAndCollect(sent.size() + 1);

        Map<String, String> received = new HashMap<>();
        for (RawMessage message : read) {
            String value = new String(message.payload(), StandardCharsets.UTF_8);
            received.put(message.partition() + "@" + message.offset(), value);
            assertThat(message.trusted()).as("trusted mark of %s", value).isEqualTo(sentToTrusted.contains(value));
        }
        assertThat(received).isEqualTo(sent).containsKeys("0@0", "1@0", "1000000@0", "1000001@0");
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // Keep polling a little after reaching the count, so that duplicates would show.
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(record);
                }
                if (records.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return records;
    }
}
