package cloud.aleph.flink.operators.hash;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.model.ItemType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * item_hash rules (spec §2): SHA-256 of inline content, the item type a hash's shape implies, and
 * the stricter shape check aleph-message applies to hashes inside content.
 */
public final class ItemHashes {

    private static final String BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BASE32_LOWER_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private ItemHashes() {}

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] bytes) {
        return Hex.encode(Digests.sha256(bytes));
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 encoding: the item_hash of inline content. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The item type pyaleph infers from a hash at intake ({@code item_type_from_hash}): {@code Qm…}
     * of length 44–46 or {@code bafy…} of length 59 → ipfs, any 64 characters → storage. No
     * character-set check, as in the reference.
     */
    public static Optional<ItemType> inferItemType(String itemHash) {
        int length = itemHash.length();
        if (itemHash.startsWith("Qm") && length >= 44 && length <= 46) {
            return Optional.of(ItemType.IPFS);
        }
        if (itemHash.startsWith("bafy") && length == 59) {
            return Optional.of(ItemType.IPFS);
        }
        if (length == 64) {
            return Optional.of(ItemType.STORAGE);
        }
        return Optional.empty();
    }

    /**
     * The item type of a hash under aleph-message's {@code ItemHash} rules, used for hashes inside
     * content (STORE item_hash, FORGET hashes, volume refs): {@code Qm} + base58btc (44–46 chars),
     * {@code bafy} + lower-case base32 (59 chars), or 64 lower-case hex characters.
     */
    public static Optional<ItemType> strictItemType(String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        int length = hash.length();
        if (hash.startsWith("Qm") && length >= 44 && length <= 46 && onlyFrom(hash, 2, BASE58_ALPHABET)) {
            return Optional.of(ItemType.IPFS);
        }
        if (hash.startsWith("bafy") && length == 59 && onlyFrom(hash, 4, BASE32_LOWER_ALPHABET)) {
            return Optional.of(ItemType.IPFS);
        }
        if (length == 64 && isLowerHex(hash)) {
            return Optional.of(ItemType.STORAGE);
        }
        return Optional.empty();
    }

    /** True when the text is a valid aleph-message {@code ItemHash}. */
    public static boolean isValidItemHash(String hash) {
        return strictItemType(hash).isPresent();
    }

    private static boolean onlyFrom(String text, int start, String alphabet) {
        for (int i = start; i < text.length(); i++) {
            if (alphabet.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
