package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;

/** aleph-message's {@code ItemHash} field type: a JSON string of a strict {@link ItemHashShape}. */
final class ItemHashes {

    private ItemHashes() {}

    static String require(JsonNode value, String loc) throws ContentFormatException {
        String hash = LaxCoercion.str(value, loc);
        if (!ItemHashShape.isItemHash(hash)) {
            throw new ContentFormatException(loc + ": Value error, Could not determine hash type: '" + hash + "'");
        }
        return hash;
    }
}
