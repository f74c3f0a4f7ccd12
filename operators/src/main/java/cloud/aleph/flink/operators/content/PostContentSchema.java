package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ItemType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * POST content (aleph-message {@code PostContent}, spec §4.1): {@code type} string (required),
 * {@code content} anything, {@code ref} a string or a {@code ChainRef} object; an {@code amend}
 * needs a non-empty ref. Extra keys are forbidden.
 */
final class PostContentSchema {

    /** The post type whose ref names the post it replaces. */
    static final String AMEND = "amend";

    private static final Set<String> CHAINS =
            Arrays.stream(Chain.values()).map(Chain::wire).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> ITEM_TYPES =
            Arrays.stream(ItemType.values()).map(ItemType::wire).collect(Collectors.toUnmodifiableSet());

    private PostContentSchema() {}

    static void validate(JsonNode content) throws ContentFormatException {
        ModelObject post = BaseContentSchema.open(content, ExtraFields.FORBID);
        post.raw("content");
        boolean refGiven = readRef(post);
        String type = post.requiredStr("type");
        if (AMEND.equals(type) && !refGiven) {
            throw new ContentFormatException(
                    post.loc("type") + ": Value error, A 'ref' is required for POST type 'amend'");
        }
        post.finish();
    }

    /** @return whether the ref is truthy in Python terms: a non-empty string or a ChainRef */
    private static boolean readRef(ModelObject post) throws ContentFormatException {
        JsonNode ref = post.raw("ref");
        if (LaxCoercion.isNone(ref)) {
            return false;
        }
        if (ref.isTextual()) {
            return !ref.textValue().isEmpty();
        }
        if (ref.isObject()) {
            validateChainRef(ModelObject.of(ref, post.loc("ref"), ExtraFields.IGNORE));
            return true;
        }
        throw new ContentFormatException(post.loc("ref") + ": Input should be a valid string or a ChainRef object");
    }

    /** {@code ChainRef}: a full message reference (extra keys ignored). */
    private static void validateChainRef(ModelObject ref) throws ContentFormatException {
        ref.requiredOneOf("chain", CHAINS);
        ref.optStr("channel", ContentLimits.MAX_CHANNEL_LENGTH);
        ref.requiredStr("item_content");
        ref.requiredItemHash("item_hash");
        ref.requiredOneOf("item_type", ITEM_TYPES);
        ref.requiredStr("sender");
        ref.requiredStr("signature");
        ref.requiredFloat("time");
        ref.oneOfOrDefault("type", "POST", Set.of("POST"));
        ref.finish();
    }
}
