package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.operators.model.RawMessage;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads raw-topic records without interpreting them: partition, offset, record timestamp and the
 * value bytes. It never throws, so no input can stop the source; a record without a value
 * becomes an empty payload, which the parser rejects like any other bad input.
 */
public final class RawMessageDeserializer implements KafkaRecordDeserializationSchema<RawMessage> {

    private static final long serialVersionUID = 1L;
    private static final byte[] EMPTY = new byte[0];

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawMessage> out) {
        byte[] value = record.value();
        out.collect(new RawMessage(record.partition(), record.offset(), record.timestamp(), value == null ? EMPTY : value));
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }
}
