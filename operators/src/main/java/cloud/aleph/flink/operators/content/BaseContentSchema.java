package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields every content shares (aleph-message {@code BaseContent}, spec §4): {@code address}
 * (string) and {@code time} (float, 0 ≤ time ≤ {@link ContentLimits#MAX_CONTENT_TIME}, lax).
 */
final class BaseContentSchema {

    /** The location of the content root in reasons, like pydantic's loc seen from the message. */
    static final String ROOT = "content";

    private BaseContentSchema() {}

    /** Opens the content object as a model with the given extra-field policy and reads the base fields. */
    static ModelObject open(JsonNode content, ExtraFields extra) throws ContentFormatException {
        ModelObject model = ModelObject.of(content, ROOT, extra);
        model.requiredStr("address");
        model.requiredFloat("time", 0.0, ContentLimits.MAX_CONTENT_TIME);
        return model;
    }
}
