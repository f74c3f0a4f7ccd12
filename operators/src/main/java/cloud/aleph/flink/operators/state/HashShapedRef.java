package cloud.aleph.flink.operators.state;

/**
 * Whether a ref names a message by its hash (docs/state-semantics.md §2): 64 lower-case hex, a
 * CIDv0 ({@code Qm} and 44 base58 characters) or a CIDv1 ({@code bafy} and 55 lower-case base32
 * characters). Any other ref is a free-form name.
 */
final class HashShapedRef {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private HashShapedRef() {}

    static boolean test(String ref) {
        if (ref.length() == 64) {
            return only(ref, "0123456789abcdef", 0);
        }
        if (ref.length() == 46 && ref.startsWith("Qm")) {
            return only(ref, BASE58, 2);
        }
        if (ref.length() == 59 && ref.startsWith("bafy")) {
            return only(ref, BASE32, 4);
        }
        return false;
    }

    private static boolean only(String text, String alphabet, int from) {
        for (int i = from; i < text.length(); i++) {
            if (alphabet.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
