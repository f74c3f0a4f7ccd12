package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.ItemType;
import java.util.Optional;

/**
 * The strict item-hash shapes of aleph-message's {@code ItemHash} (spec §2.1, second table), used
 * for hashes inside content: {@code Qm} + base58btc (44–46 characters in all), {@code bafy} +
 * lower-case base32 (59 in all), or 64 lower-case hex digits.
 *
 * <p>Stricter than the envelope rule (pyaleph's {@code item_type_from_hash}, which checks no
 * characters); kept private to content validation on purpose.
 */
public final class ItemHashShape {

    private static final String BASE58BTC = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BASE32_LOWER = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String HEX_LOWER = "0123456789abcdef";

    private ItemHashShape() {}

    /** @return {@code ipfs} for a CID, {@code storage} for a sha256 hex digest, empty otherwise */
    public static Optional<ItemType> typeOf(String hash) {
        int length = hash.length();
        if (hash.startsWith("Qm") && length >= 44 && length <= 46 && onlyFrom(hash, 2, BASE58BTC)) {
            return Optional.of(ItemType.IPFS);
        }
        if (hash.startsWith("bafy") && length == 59 && onlyFrom(hash, 4, BASE32_LOWER)) {
            return Optional.of(ItemType.IPFS);
        }
        if (length == 64 && onlyFrom(hash, 0, HEX_LOWER)) {
            return Optional.of(ItemType.STORAGE);
        }
        return Optional.empty();
    }

    public static boolean isItemHash(String hash) {
        return typeOf(hash).isPresent();
    }

    private static boolean onlyFrom(String text, int from, String alphabet) {
        for (int i = from; i < text.length(); i++) {
            if (alphabet.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
