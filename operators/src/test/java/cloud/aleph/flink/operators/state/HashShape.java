package cloud.aleph.flink.operators.state;

/**
 * "Hash-shaped" as the state document defines it (§2): 64 lower-case hex digits, or a CID —
 * {@code Qm} followed by 44 base58btc characters (46 in all) or {@code bafy} followed by 55
 * lower-case base32 characters (59 in all). Decides whether a STORE {@code ref} names another
 * STORE or is a free-form tag.
 */
final class HashShape {

    private static final String HEX = "0123456789abcdef";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BASE32_LOWER = "abcdefghijklmnopqrstuvwxyz234567";

    private HashShape() {}

    static boolean isHashShaped(String text) {
        if (text.length() == 64 && onlyFrom(text, 0, HEX)) {
            return true;
        }
        if (text.length() == 46 && text.startsWith("Qm") && onlyFrom(text, 2, BASE58)) {
            return true;
        }
        return text.length() == 59 && text.startsWith("bafy") && onlyFrom(text, 4, BASE32_LOWER);
    }

    private static boolean onlyFrom(String text, int start, String alphabet) {
        for (int i = start; i < text.length(); i++) {
            if (alphabet.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
