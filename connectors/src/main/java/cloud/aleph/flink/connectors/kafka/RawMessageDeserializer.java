package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.SourcePartitions;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads records of the raw topic, and of the trusted topic when there is one, without interpreting
 * them: source partition, offset, record timestamp and the value bytes. A record of the trusted
 * topic gets its partition in the trusted range ({@link SourcePartitions}), which is what marks it
 * trusted; any other topic's record is public. It never throws on a record, so no input can stop
 * the source; a record without a value becomes an empty payload, which the parser rejects like
 * any other bad input.
 */
public final class RawMessageDeserializer implements KafkaRecordDeserializationSchema<RawMessage> {

    private static final long serialVersionUID = 1L;
    private static final byte[] EMPTY = new byte[0];

    private final String trustedTopic;

    /** @param trustedTopic the topic whose records are trusted, or empty when none is */
    public RawMessageDeserializer(Optional<String> trustedTopic) {
        this.trustedTopic = trustedTopic.orElse(null);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawMessage> out) {
        byte[] value = record.value();
        int partition = record.topic().equals(trustedTopic)
                ? SourcePartitions.trusted(record.partition())
                : SourcePartitions.raw(record.partition());
        out.collect(new RawMessage(partition, record.offset(), record.timestamp(), value == null ? EMPTY : value));
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }
}
