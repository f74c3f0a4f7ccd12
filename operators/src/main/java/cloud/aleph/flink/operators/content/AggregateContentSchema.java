package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * AGGREGATE content (aleph-message {@code AggregateContent}, spec §4.2): {@code key} a string or
 * an object {@code {"name": string}} (no other keys), {@code content} a JSON object. Extra keys
 * are forbidden.
 */
final class AggregateContentSchema {

    private AggregateContentSchema() {}

    static void validate(JsonNode content) throws ContentFormatException {
        ModelObject aggregate = BaseContentSchema.open(content, ExtraFields.FORBID);
        JsonNode key = aggregate.raw("key");
        if (key == null) {
            throw new ContentFormatException(aggregate.loc("key") + ": Field required");
        }
        if (key.isObject()) {
            ModelObject named = ModelObject.of(key, aggregate.loc("key"), ExtraFields.FORBID);
            named.requiredStr("name");
            named.finish();
        } else if (!key.isTextual()) {
            throw new ContentFormatException(
                    aggregate.loc("key") + ": Input should be a valid string or an object with a 'name'");
        }
        aggregate.requiredDict("content");
        aggregate.finish();
    }
}
