package cloud.aleph.flink.operators.functions;

import java.util.HashMap;
import java.util.Map;

/**
 * How many messages wait on a dependency, per owner, on one subtask: the value behind the
 * {@code messagesWaiting} gauge. An owner's count is replaced at each evaluation of the owner and
 * dropped at zero, so it holds only owners that have something waiting.
 *
 * <p>It lives in memory, not in state: after a restore an owner is counted again at its next
 * evaluation, at the latest when its earliest wait expires (that timer is part of the checkpoint).
 * The exact list is the {@code pending_messages} table.
 */
final class WaitingMessages {

    private final Map<String, Integer> byOwner = new HashMap<>();
    private long total;

    void set(String owner, int waiting) {
        Integer previous = waiting == 0 ? byOwner.remove(owner) : byOwner.put(owner, waiting);
        total += waiting - (previous == null ? 0 : previous);
    }

    long total() {
        return total;
    }
}
