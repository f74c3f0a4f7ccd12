package cloud.aleph.flink.operators.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, which {@code json.dumps} uses for floats: the shortest decimal that
 * reads back as the same double, in fixed notation for decimal exponents −4..16 and in
 * {@code 1.5e-07} style outside. Java 17's {@code Double.toString} is neither shortest in all cases
 * nor formatted the same way, and an item_content must match the Python SDK byte for byte.
 */
public final class PythonFloat {

    private PythonFloat() {}

    /** The text {@code json.dumps} writes for a float (NaN and infinities as Python spells them). */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> × 10^pointPosition
        int pointPosition = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (pointPosition > -4 && pointPosition <= 16) {
            if (pointPosition <= 0) {
                out.append("0.");
                out.append("0".repeat(-pointPosition));
                out.append(digits);
            } else if (pointPosition < digits.length()) {
                out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
            } else {
                out.append(digits).append("0".repeat(pointPosition - digits.length())).append(".0");
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = pointPosition - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        }
        return out.toString();
    }

    /** Fewest significant digits that read back as {@code value}; the nearer candidate on a choice. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = Double.parseDouble(down.toString()) == value;
            boolean upOk = Double.parseDouble(up.toString()) == value;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp != 0) {
                    return cmp < 0 ? down : up;
                }
                return down.unscaledValue().testBit(0) ? up : down;
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
