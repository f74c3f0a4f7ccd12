package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.operators.model.Rejection;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a {@link Rejection} to the rejected topic: JSON value ({@link RejectionJson}), key =
 * item_hash when the input had one (all rejections of one message land in one partition), else
 * rejection_id; headers carry the error code and the source position so consumers can route
 * without parsing. The record timestamp is left to the producer: the original time is in the
 * value, and an old timestamp would make replayed rejections expire at once under retention.
 */
public final class RejectionSerializer implements KafkaRecordSerializationSchema<Rejection> {

    private static final long serialVersionUID = 1L;

    public static final String HEADER_ERROR_CODE = "aleph-error-code";
    public static final String HEADER_SOURCE_PARTITION = "aleph-source-partition";
    public static final String HEADER_SOURCE_OFFSET = "aleph-source-offset";

    private final String topic;

    public RejectionSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Rejection rejection, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_ERROR_CODE, ascii(Integer.toString(rejection.errorCode().code())));
        headers.add(HEADER_SOURCE_PARTITION, ascii(Integer.toString(rejection.partition())));
        headers.add(HEADER_SOURCE_OFFSET, ascii(Long.toString(rejection.offset())));
        return new ProducerRecord<>(topic, null, null, key(rejection), RejectionJson.toBytes(rejection), headers);
    }

    static byte[] key(Rejection rejection) {
        String key = rejection.itemHash() != null && !rejection.itemHash().isEmpty()
                ? rejection.itemHash()
                : rejection.rejectionId();
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
