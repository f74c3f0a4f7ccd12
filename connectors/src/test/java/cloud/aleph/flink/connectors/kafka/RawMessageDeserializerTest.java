package cloud.aleph.flink.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.RawMessage;
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

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, long timestamp, byte[] value) {
        return new ConsumerRecord<>("aleph.messages.raw", partition, offset, timestamp, TimestampType.CREATE_TIME,
                -1, value == null ? -1 : value.length, null, value, new RecordHeaders(), Optional.empty());
    }

    private static List<RawMessage> deserialize(ConsumerRecord<byte[], byte[]> record) {
        List<RawMessage> out = new ArrayList<>();
        new RawMessageDeserializer().deserialize(record, new Collector<>() {
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
    void producesRawMessagesAsPojo() {
        assertThat(new RawMessageDeserializer().getProducedType().getTypeClass()).isEqualTo(RawMessage.class);
        assertThat(new RawMessageDeserializer().getProducedType().toString()).doesNotContain("GenericType");
    }
}
