package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates parsed message content against the schema of its type (spec §4). Inline content is
 * validated at intake, so a schema error rejects the message with INVALID_FORMAT.
 *
 * <p>Only the common base (address and time, §4) is checked here so far; the per-type schemas
 * come with the "every chain, every message type" work.
 */
public final class ContentSchemas {

    /** Upper bound of content.time (year 2262), as aleph-message's BaseContent. */
    public static final double MAX_TIME = 9_223_372_036.0;

    private ContentSchemas() {}

    /**
     * @throws ContentFormatException with the reason when the content does not fit the schema
     */
    public static void validate(MessageType type, JsonNode content) throws ContentFormatException {
        if (content == null || !content.isObject()) {
            throw new ContentFormatException("content must be a JSON object");
        }
        JsonNode address = content.get("address");
        if (address == null || !address.isTextual()) {
            throw new ContentFormatException("content.address: a string is required");
        }
        JsonNode time = content.get("time");
        if (time == null || !time.isNumber()) {
            throw new ContentFormatException("content.time: a number is required");
        }
        double seconds = time.asDouble();
        if (!(seconds >= 0 && seconds <= MAX_TIME)) {
            throw new ContentFormatException("content.time: out of range [0, " + MAX_TIME + "]");
        }
    }
}
