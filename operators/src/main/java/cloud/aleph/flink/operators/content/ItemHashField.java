package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.hash.ItemHashes;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * aleph-message's {@code ItemHash} field type: a JSON string of a strict item-hash shape
 * ({@link ItemHashes#strictItemType}), stricter than the envelope rule on purpose.
 */
final class ItemHashField {

    private ItemHashField() {}

    static String require(JsonNode value, String loc) throws ContentFormatException {
        String hash = LaxCoercion.str(value, loc);
        if (!ItemHashes.isValidItemHash(hash)) {
            throw new ContentFormatException(loc + ": Value error, Could not determine hash type: '" + hash + "'");
        }
        return hash;
    }
}
