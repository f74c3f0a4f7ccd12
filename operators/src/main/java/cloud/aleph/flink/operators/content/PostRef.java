package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The effective {@code ref} of POST content (spec §4.1, pyaleph {@code get_post_content_ref}): the
 * string itself, or the {@code item_hash} of a ChainRef object. An empty string stays an empty
 * string (the reference only treats None as "no ref").
 */
public final class PostRef {

    private PostRef() {}

    /** @param content schema-valid POST content */
    public static Optional<String> effectiveRef(JsonNode content) {
        JsonNode ref = content.get("ref");
        if (ref == null || ref.isNull()) {
            return Optional.empty();
        }
        if (ref.isObject()) {
            return Optional.of(ref.get("item_hash").textValue());
        }
        return Optional.of(ref.textValue());
    }
}
