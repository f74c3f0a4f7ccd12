package cloud.aleph.flink.operators.state;

/** {@code lower(x)} of the state document: ASCII letters only, so the result does not depend on a locale or on Unicode tables. */
final class Ascii {

    private Ascii() {}

    static String lower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }
}
