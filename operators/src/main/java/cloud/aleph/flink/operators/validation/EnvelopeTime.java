package cloud.aleph.flink.operators.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.OptionalDouble;

/**
 * The envelope {@code time} as pyaleph reads it: {@code datetime.fromtimestamp(v, UTC)} (spec §1.1).
 * Integers, floats and booleans are accepted; the result must fall in years 1..9999 after Python
 * rounds the value to whole microseconds (half-even).
 */
public final class EnvelopeTime {

    /** 0001-01-01T00:00:00Z. */
    static final long MIN_SECONDS = -62_135_596_800L;
    /** 9999-12-31T23:59:59Z. */
    static final long MAX_SECONDS = 253_402_300_799L;

    private EnvelopeTime() {}

    /** The time in Unix seconds, or empty when pyaleph would not accept the value. */
    public static OptionalDouble read(JsonNode value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value.isBoolean()) {
            return OptionalDouble.of(value.booleanValue() ? 1 : 0);
        }
        if (value.isIntegralNumber()) {
            BigInteger seconds = value.bigIntegerValue();
            boolean inRange = seconds.compareTo(BigInteger.valueOf(MIN_SECONDS)) >= 0
                    && seconds.compareTo(BigInteger.valueOf(MAX_SECONDS)) <= 0;
            return inRange ? OptionalDouble.of(seconds.doubleValue()) : OptionalDouble.empty();
        }
        if (value.isFloatingPointNumber()) {
            double seconds = value.doubleValue();
            return isInRange(seconds) ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    /** CPython's float-to-timeval split (modf, microseconds rounded half-even, carry) then the year check. */
    static boolean isInRange(double seconds) {
        if (!Double.isFinite(seconds)) {
            return false;
        }
        double whole = seconds < 0 ? Math.ceil(seconds) : Math.floor(seconds);
        double micros = Math.rint((seconds - whole) * 1e6);
        if (micros >= 1e6) {
            whole += 1.0;
        } else if (micros < 0) {
            whole -= 1.0;
        }
        return whole >= MIN_SECONDS && whole <= MAX_SECONDS;
    }
}
