package cloud.aleph.flink.operators.text;

/**
 * UTF-8 as Python's {@code str.encode()} and orjson see it: a lone surrogate has no UTF-8 form and
 * is refused, where {@link String#getBytes} would quietly write {@code '?'} for it.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** Whether the UTF-16 text has no unpaired surrogate, so that it has a UTF-8 form. */
    public static boolean canEncode(String text) {
        return firstLoneSurrogate(text) < 0;
    }

    /** Index of the first surrogate that is not part of a valid pair, or −1. */
    public static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
