package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.operators.model.Rejection;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON value of a rejected-topic record. Fields, always present (null when unknown):
 * {@code rejection_id, item_hash, error_code (int), error_name, reason, sender, chain, type, raw,
 * raw_length, source {partition, offset}, received_at} (ISO-8601 UTC of the raw record's Kafka
 * timestamp). Field order is fixed.
 */
public final class RejectionJson {

    private static final JsonFactory JSON = new JsonFactory();

    private RejectionJson() {}

    public static byte[] toBytes(Rejection r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (r.raw() == null ? 0 : r.raw().length()));
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("rejection_id", r.rejectionId());
            json.writeStringField("item_hash", r.itemHash());
            json.writeNumberField("error_code", r.errorCode().code());
            json.writeStringField("error_name", r.errorCode().name());
            json.writeStringField("reason", r.reason());
            json.writeStringField("sender", r.sender());
            json.writeStringField("chain", r.chain());
            json.writeStringField("type", r.type());
            json.writeStringField("raw", r.raw());
            json.writeNumberField("raw_length", r.rawLength());
            json.writeObjectFieldStart("source");
            json.writeNumberField("partition", r.partition());
            json.writeNumberField("offset", r.offset());
            json.writeEndObject();
            json.writeStringField("received_at", Instant.ofEpochMilli(r.receivedMillis()).toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
