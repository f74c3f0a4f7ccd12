package cloud.aleph.flink.operators.crypto;

/**
 * Outcome of one signature check. The reference turns a false verdict or a {@code ValueError}
 * into INVALID_SIGNATURE, and any other exception escaping a verifier into INTERNAL_ERROR
 * (spec §3.2); {@link Outcome#UNEXPECTED_ERROR} reproduces the latter.
 *
 * @param outcome the verdict
 * @param reason why it is not valid (null when valid)
 */
public record SignatureResult(Outcome outcome, String reason) {

    public enum Outcome {
        VALID,
        INVALID,
        UNEXPECTED_ERROR
    }

    private static final SignatureResult VALID = new SignatureResult(Outcome.VALID, null);

    public static SignatureResult valid() {
        return VALID;
    }

    public static SignatureResult invalid(String reason) {
        return new SignatureResult(Outcome.INVALID, reason);
    }

    public static SignatureResult unexpectedError(String reason) {
        return new SignatureResult(Outcome.UNEXPECTED_ERROR, reason);
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
