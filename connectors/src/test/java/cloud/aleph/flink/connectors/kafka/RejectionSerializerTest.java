package cloud.aleph.flink.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Samples;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RejectionSerializerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ProducerRecord<byte[], byte[]> serialize(Rejection rejection) {
        return new RejectionSerializer("rejected-topic").serialize(rejection, null, 99L);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.US_ASCII);
    }

    @Test
    void valueCarriesEveryFieldAsJson() throws Exception {
        String raw = "{\"item_hash\":\"abc\",\"chain\":\"ETH\",\"note\":\"\u00e9\\\"\"}";
        Rejection rejection = Samples.rejection(raw, "abc", ErrorCode.INVALID_SIGNATURE, 1_714_564_800_123L);

        ProducerRecord<byte[], byte[]> record = serialize(rejection);
        JsonNode json = MAPPER.readTree(record.value());

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("rejection_id", "item_hash", "error_code", "error_name", "reason", "sender",
                "chain", "type", "raw", "raw_length", "source", "received_at");
        assertThat(json.get("rejection_id").asText()).isEqualTo(rejection.rejectionId());
        assertThat(json.get("item_hash").asText()).isEqualTo("abc");
        assertThat(json.get("error_code").isInt()).isTrue();
        assertThat(json.get("error_code").asInt()).isEqualTo(1);
        assertThat(json.get("error_name").asText()).isEqualTo("INVALID_SIGNATURE");
        assertThat(json.get("reason").asText()).isEqualTo(rejection.reason());
        assertThat(json.get("sender").asText()).isEqualTo("0xsender");
        assertThat(json.get("chain").asText()).isEqualTo("ETH");
        assertThat(json.get("type").asText()).isEqualTo("POST");
        assertThat(json.get("raw").asText()).isEqualTo(raw);
        assertThat(json.get("raw_length").asInt()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8).length);
        assertThat(json.get("source").get("partition").asInt()).isEqualTo(2);
        assertThat(json.get("source").get("offset").asLong()).isEqualTo(42L);
        assertThat(json.get("received_at").asText()).isEqualTo("2024-05-01T12:00:00.123Z");
    }

    @Test
    void keyIsTheItemHashAndHeadersCarryCodeAndPosition() {
        ProducerRecord<byte[], byte[]> record = serialize(Samples.rejection("x", "abc", ErrorCode.POST_AMEND_NO_TARGET, 1L));

        assertThat(record.topic()).isEqualTo("rejected-topic");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(header(record, RejectionSerializer.HEADER_ERROR_CODE)).isEqualTo("100");
        assertThat(header(record, RejectionSerializer.HEADER_SOURCE_PARTITION)).isEqualTo("2");
        assertThat(header(record, RejectionSerializer.HEADER_SOURCE_OFFSET)).isEqualTo("42");
        // left to the producer: the original time is in the value
        assertThat(record.timestamp()).isNull();
        assertThat(record.partition()).isNull();
    }

    @Test
    void unreadableInputIsKeyedByRejectionIdWithNullFields() throws Exception {
        Rejection rejection = Samples.rejection("\u0000 not json", null, ErrorCode.INVALID_FORMAT, 0L);

        ProducerRecord<byte[], byte[]> record = serialize(rejection);
        JsonNode json = MAPPER.readTree(record.value());

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(rejection.rejectionId());
        assertThat(json.get("item_hash").isNull()).isTrue();
        assertThat(json.get("sender").isNull()).isTrue();
        assertThat(json.get("error_code").asInt()).isEqualTo(0);
        assertThat(json.get("raw").asText()).isEqualTo("\u0000 not json");
        assertThat(header(record, RejectionSerializer.HEADER_ERROR_CODE)).isEqualTo("0");
    }

    @Test
    void internalErrorCodeIsNegative() throws Exception {
        ProducerRecord<byte[], byte[]> record = serialize(Samples.rejection("y", "h", ErrorCode.INTERNAL_ERROR, 0L));

        assertThat(MAPPER.readTree(record.value()).get("error_code").asInt()).isEqualTo(-1);
        assertThat(header(record, RejectionSerializer.HEADER_ERROR_CODE)).isEqualTo("-1");
    }
}
