package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The defaults the reference fills into fetched content before validating it (spec §1.3, pyaleph
 * {@code MessageDb._coerce_content}): a missing or null {@code address} becomes the sender, a
 * missing or null {@code time} becomes the envelope time. Inline content never needs it (intake
 * already requires both). Content that is not a JSON object makes the reference fail with an
 * AttributeError (INTERNAL_ERROR); callers check {@code isObject()} first.
 */
public final class ContentCoercion {

    private ContentCoercion() {}

    /**
     * @param envelopeTime the envelope {@code time} in seconds, as received
     * @return a copy of {@code content} with the defaults filled in; the input is not modified
     */
    public static ObjectNode withDefaults(ObjectNode content, String sender, double envelopeTime) {
        ObjectNode coerced = content.deepCopy();
        if (isNone(coerced, "address")) {
            coerced.put("address", sender);
        }
        if (isNone(coerced, "time")) {
            coerced.put("time", envelopeTimestamp(envelopeTime));
        }
        return coerced;
    }

    /**
     * The envelope time as the reference has it at that point: parsed into a datetime (rounded
     * half-even to the microsecond) and turned back into a float with {@code .timestamp()}.
     */
    public static double envelopeTimestamp(double seconds) {
        double whole = seconds < 0 ? Math.ceil(seconds) : Math.floor(seconds);
        double micros = Math.rint((seconds - whole) * 1e6);
        long totalMicros = (long) whole * 1_000_000L + (long) micros;
        // exact for |t| < 2^53 µs (year ~2255): both operands are exact doubles, the division rounds once
        return totalMicros / 1e6;
    }

    private static boolean isNone(ObjectNode content, String field) {
        return content.get(field) == null || content.get(field).isNull();
    }
}
