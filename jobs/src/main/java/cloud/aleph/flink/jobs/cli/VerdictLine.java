package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One output line of {@code aleph verify}: {@code {"line", "item_hash", "verdict", "error_code",
 * "error_name", "reason"}}, the last three null for an accepted message. Non-ASCII characters are
 * escaped, so the output is plain ASCII whatever the terminal's encoding. Thread-safe.
 */
final class VerdictLine {

    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private VerdictLine() {}

    static String format(long line, Verdict verdict) {
        StringWriter text = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("line", line);
            json.writeStringField("item_hash", verdict.itemHash());
            json.writeStringField("verdict", verdict.isAccepted() ? "accepted" : "rejected");
            Rejection rejection = verdict.rejected();
            if (rejection == null) {
                json.writeNullField("error_code");
                json.writeNullField("error_name");
                json.writeNullField("reason");
            } else {
                json.writeNumberField("error_code", rejection.errorCode().code());
                json.writeStringField("error_name", rejection.errorCode().name());
                json.writeStringField("reason", rejection.reason());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }
}
