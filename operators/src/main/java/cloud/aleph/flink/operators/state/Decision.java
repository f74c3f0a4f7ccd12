package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import java.util.List;

/**
 * The state's verdict on one message: {@code PROCESSED}, {@code FORGOTTEN} (with the FORGETs that
 * cause it), {@code REJECTED} (a permanent rule failed), or {@code PENDING} (it waits on a
 * dependency; {@code errorCode} is the code it gets if the wait expires).
 */
public record Decision(MessageStatus status, ErrorCode errorCode, String reason, List<String> forgottenBy) {

    public static Decision processed() {
        return new Decision(MessageStatus.PROCESSED, null, null, List.of());
    }

    public static Decision forgotten(List<String> forgottenBy) {
        return new Decision(MessageStatus.FORGOTTEN, null, null, List.copyOf(forgottenBy));
    }

    public static Decision rejected(ErrorCode code, String reason) {
        return new Decision(MessageStatus.REJECTED, code, reason, List.of());
    }

    public static Decision waiting(ErrorCode code, String reason) {
        return new Decision(MessageStatus.PENDING, code, reason, List.of());
    }

    public boolean isWaiting() {
        return status == MessageStatus.PENDING;
    }
}
