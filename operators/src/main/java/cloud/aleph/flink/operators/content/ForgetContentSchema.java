package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * FORGET content (aleph-message {@code ForgetContent}, spec §4.4): {@code hashes} (required) and
 * {@code aggregates} (default empty) are lists of strict item hashes of at most
 * {@link ContentLimits#MAX_FORGET_TARGETS}; {@code reason} at most
 * {@link ContentLimits#MAX_FORGET_REASON_LENGTH} characters. Extra keys are forbidden. Both lists
 * empty passes here: FORGET_NO_TARGET is a processing rule.
 */
final class ForgetContentSchema {

    private ForgetContentSchema() {}

    static void validate(JsonNode content) throws ContentFormatException {
        ModelObject forget = BaseContentSchema.open(content, ExtraFields.FORBID);
        requireHashes(forget.requiredList("hashes", ContentLimits.MAX_FORGET_TARGETS), forget.loc("hashes"));
        requireHashes(forget.listOrEmpty("aggregates", ContentLimits.MAX_FORGET_TARGETS), forget.loc("aggregates"));
        forget.optStr("reason", ContentLimits.MAX_FORGET_REASON_LENGTH);
        forget.finish();
    }

    private static void requireHashes(List<JsonNode> hashes, String loc) throws ContentFormatException {
        for (int i = 0; i < hashes.size(); i++) {
            ItemHashField.require(hashes.get(i), loc + "." + i);
        }
    }
}
