package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reference's second look at {@code content.time}, after the schema: pyaleph's
 * {@code validate_message_content} calls {@code datetime.fromtimestamp(content["time"])} on the raw
 * JSON value. A string time (accepted by the lax schema, e.g. {@code "12"}) makes it raise an
 * uncaught {@code TypeError}: for inline content that happens at intake and the message is
 * dropped without a status (P2P) or answered with HTTP 500 (API); for fetched content it is an
 * INTERNAL_ERROR, retried and then rejected (spec §6.5). Numbers and booleans pass.
 */
public final class RawContentTime {

    private RawContentTime() {}

    /** @return whether {@code fromtimestamp} accepts the raw {@code time} of this (schema-valid) content */
    public static boolean acceptedByFromTimestamp(JsonNode content) {
        JsonNode time = content == null ? null : content.get("time");
        return time != null && (time.isNumber() || time.isBoolean());
    }
}
