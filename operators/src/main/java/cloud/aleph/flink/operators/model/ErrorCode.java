package cloud.aleph.flink.operators.model;

/**
 * Why a message was rejected, with the numbers of the reference node (pyaleph {@code ErrorCode},
 * spec §6.5). The numbers are part of the wire contract: they are stored in Cassandra and sent on
 * the rejected topic, so never renumber.
 */
public enum ErrorCode {
    INTERNAL_ERROR(-1, Handling.RETRY),
    INVALID_FORMAT(0, Handling.REJECT),
    INVALID_SIGNATURE(1, Handling.REJECT),
    PERMISSION_DENIED(2, Handling.REJECT),
    CONTENT_UNAVAILABLE(3, Handling.RETRY),
    FILE_UNAVAILABLE(4, Handling.RETRY),
    BALANCE_INSUFFICIENT(5, Handling.REJECT),
    CREDIT_INSUFFICIENT(6, Handling.REJECT),
    POST_AMEND_NO_TARGET(100, Handling.REJECT),
    POST_AMEND_TARGET_NOT_FOUND(101, Handling.RETRY),
    POST_AMEND_AMEND(102, Handling.REJECT),
    STORE_REF_NOT_FOUND(200, Handling.RETRY),
    STORE_UPDATE_UPDATE(201, Handling.REJECT),
    INVALID_PAYMENT_METHOD(202, Handling.REJECT),
    VM_REF_NOT_FOUND(300, Handling.RETRY),
    VM_VOLUME_NOT_FOUND(301, Handling.RETRY),
    VM_AMEND_NOT_ALLOWED(302, Handling.REJECT),
    VM_UPDATE_UPDATE(303, Handling.REJECT),
    VM_VOLUME_TOO_SMALL(304, Handling.REJECT),
    FORGET_NO_TARGET(500, Handling.REJECT),
    FORGET_TARGET_NOT_FOUND(501, Handling.RETRY),
    FORGET_FORGET(502, Handling.REJECT),
    FORGET_NOT_ALLOWED(503, Handling.REJECT),
    FORGOTTEN_DUPLICATE(504, Handling.REJECT);

    /** What the reference does when it meets the error: reject at once, or retry and reject when retries run out. */
    public enum Handling {
        REJECT,
        RETRY
    }

    private final int code;
    private final Handling handling;

    ErrorCode(int code, Handling handling) {
        this.code = code;
        this.handling = handling;
    }

    public int code() {
        return code;
    }

    public Handling handling() {
        return handling;
    }

    /** True for errors the reference retries (a dependency or content that may still arrive). */
    public boolean isRetryable() {
        return handling == Handling.RETRY;
    }

    public static ErrorCode fromCode(int code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown error code " + code);
    }
}
