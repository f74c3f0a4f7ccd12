package cloud.aleph.flink.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.SourcePartitions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RawMessageDeserializerTest {

    private static final String TRUSTED = "aleph.messages.trusted";

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, long timestamp, byte[] value) {
        return record("aleph.messages.raw", partition, offset, timestamp, value);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, long timestamp, byte[] value) {
        return new ConsumerRecord<>(topic, partition, offset, timestamp, TimestampType.CREATE_TIME,
                -1, value == null ? -1 : value.length, null, value, new RecordHeaders(), Optional.empty());
    }

    private static List<RawMessage> deserialize(ConsumerRecord<byte[], byte[]> record) {
        return deserialize(new RawMessageDeserializer(Optional.of(TRUSTED)), record);
    }

    private static List<RawMessage> deserialize(RawMessageDeserializer deserializer, ConsumerRecord<byte[], byte[]> record) {
        List<RawMessage> out = new ArrayList<>();
        deserializer.deserialize(record, new Collector<>() {
            @Override
            public void collect(RawMessage message) {
                out.add(message);
            }

            @Override
            public void close() {}
        });
        return out;
    }

    @Test
    void keepsPositionTimestampAndExactBytes() {
        byte[] value = "{\"item_hash\": \"x\", \"time\": 1.50}".getBytes(StandardCharsets.UTF_8);

        List<RawMessage> out = deserialize(record(3, 1234L, 1_714_564_800_123L, value));

        assertThat(out).hasSize(1);
        RawMessage message = out.get(0);
        assertThat(message.partition()).isEqualTo(3);
        assertThat(message.offset()).isEqualTo(1234L);
        assertThat(message.timestampMillis()).isEqualTo(1_714_564_800_123L);
        assertThat(message.payload()).isEqualTo(value);
    }

    @Test
    void recordWithoutValueBecomesAnEmptyPayload() {
        List<RawMessage> out = deserialize(record(0, 7L, 5L, null));

        assertThat(out).singleElement().satisfies(message -> {
            assertThat(message.payload()).isEmpty();
            assertThat(message.offset()).isEqualTo(7L);
        });
    }

    @Test
    void anyBytesAreAcceptedAsTheyAre() {
        byte[] garbage = {(byte) 0xff, 0, (byte) 0xfe, '{'};

        assertThat(deserialize(record(0, 1L, 1L, garbage))).singleElement()
                .satisfies(message -> assertThat(message.payload()).isEqualTo(garbage));
    }

    @Test
    void recordsOfTheTrustedTopicAreMarkedTrustedInTheirOwnPartitionRange() {
        byte[] value = "{}".getBytes(StandardCharsets.UTF_8);

        RawMessage fromTrusted = deserialize(record(TRUSTED, 2, 5L, 9L, value)).get(0);
        RawMessage fromRaw = deserialize(record(2, 5L, 9L, value)).get(0);

        assertThat(fromTrusted.partition()).isEqualTo(SourcePartitions.TRUSTED_BASE + 2);
        assertThat(fromTrusted.offset()).isEqualTo(5L);
        assertThat(fromTrusted.trusted()).isTrue();
        assertThat(fromRaw.partition()).isEqualTo(2);
        assertThat(fromRaw.trusted()).isFalse();
    }

    @Test
    void withoutATrustedTopicNoRecordIsTrusted() {
        RawMessageDeserializer publicOnly = new RawMessageDeserializer(Optional.empty());

        assertThat(deserialize(publicOnly, record(TRUSTED, 0, 1L, 1L, new byte[0]))).singleElement()
                .satisfies(message -> assertThat(message.trusted()).isFalse());
    }

    @Test
    void producesRawMessagesAsPojo() {
        RawMessageDeserializer deserializer = new RawMessageDeserializer(Optional.empty());
        assertThat(deserializer.getProducedType().getTypeClass()).isEqualTo(RawMessage.class);
        assertThat(deserializer.getProducedType().toString()).doesNotContain("GenericType");
    }
}
