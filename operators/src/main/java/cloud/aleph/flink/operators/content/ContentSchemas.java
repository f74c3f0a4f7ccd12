package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates parsed message content against the schema of its type (spec §4), as the reference
 * does with aleph-message's pydantic models in lax mode: numeric strings and booleans become
 * numbers where a number is expected, extra keys are refused except in STORE content (and in
 * nested models that ignore them), and the model-level rules of INSTANCE and V-PROGRAM apply.
 * Inline content is validated at intake, so a schema error rejects the message with
 * INVALID_FORMAT.
 *
 * <p>Reasons name the field like pydantic's error location, e.g.
 * {@code content.resources.vcpus: Input should be less than or equal to 256}.
 *
 * <p>Not checked here: rules of later stages (STORE item_type vs hash at fetch, FORGET without
 * target, amend targets...), and the reference's post-schema {@code fromtimestamp(content.time)}
 * that fails on a numeric string time (see {@link RawContentTime}).
 */
public final class ContentSchemas {

    /** Upper bound of content.time (year 2262), as aleph-message's BaseContent. */
    public static final double MAX_TIME = ContentLimits.MAX_CONTENT_TIME;

    private ContentSchemas() {}

    /**
     * @throws ContentFormatException with the reason when the content does not fit the schema
     */
    public static void validate(MessageType type, JsonNode content) throws ContentFormatException {
        // a switch expression, so a new message type without a schema does not compile
        Schema schema = switch (type) {
            case POST -> PostContentSchema::validate;
            case AGGREGATE -> AggregateContentSchema::validate;
            case STORE -> StoreContentSchema::validate;
            case FORGET -> ForgetContentSchema::validate;
            case PROGRAM -> ProgramContentSchema::validate;
            case INSTANCE -> InstanceContentSchema::validate;
            case V_PROGRAM -> VProgramContentSchema::validate;
        };
        schema.validate(content);
    }

    @FunctionalInterface
    private interface Schema {
        void validate(JsonNode content) throws ContentFormatException;
    }
}
