package cloud.aleph.flink.operators.validation;

import cloud.aleph.flink.operators.model.ErrorCode;

/**
 * An envelope refused at intake.
 *
 * @param errorCode INVALID_FORMAT, or INVALID_SIGNATURE for a missing signature
 * @param reason why, in words
 */
public record EnvelopeRejection(ErrorCode errorCode, String reason) implements EnvelopeResult {

    static EnvelopeRejection invalidFormat(String reason) {
        return new EnvelopeRejection(ErrorCode.INVALID_FORMAT, reason);
    }
}
