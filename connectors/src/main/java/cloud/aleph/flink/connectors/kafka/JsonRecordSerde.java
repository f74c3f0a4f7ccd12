package cloud.aleph.flink.connectors.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * JSON serialization of the consensus records (attestations, digests) on their topics. Anyone can
 * write to a topic, so reading never fails: a record that is not the expected JSON is skipped (the
 * consensus operators check signatures anyway).
 */
public final class JsonRecordSerde {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonRecordSerde() {}

    /** Key function that survives serialization into a Flink job graph. */
    public interface KeyOf<T> extends Function<T, String>, Serializable {}

    public static <T> KafkaRecordSerializationSchema<T> serializer(String topic, KeyOf<T> key) {
        return (KafkaRecordSerializationSchema<T>) (element, context, timestamp) -> {
            try {
                return new ProducerRecord<>(topic, key.apply(element).getBytes(StandardCharsets.UTF_8),
                        JSON.writeValueAsBytes(element));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + element, e);
            }
        };
    }

    public static <T> KafkaRecordDeserializationSchema<T> deserializer(Class<T> type) {
        return new KafkaRecordDeserializationSchema<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
                if (record.value() == null) {
                    return;
                }
                try {
                    out.collect(JSON.readValue(record.value(), type));
                } catch (IOException | RuntimeException notOurs) {
                    // not a record of this topic's format: nothing a CCN signed, so nothing to count
                }
            }

            @Override
            public TypeInformation<T> getProducedType() {
                return TypeInformation.of(type);
            }
        };
    }
}
