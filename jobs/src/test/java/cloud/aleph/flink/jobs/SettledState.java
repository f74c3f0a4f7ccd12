package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.cassandra.OutcomeReader;
import cloud.aleph.flink.connectors.cassandra.StateExport;
import cloud.aleph.flink.operators.model.MessageStatus;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waits until the job is done with what was published: every item_hash has a final status
 * (processed, rejected or forgotten: not accepted, not pending), every input rejected at
 * verification has its rejection record, and then the whole exported state stays unchanged for a
 * quiet period (so the state rows written beside the last decisions are in too).
 */
final class SettledState {

    private static final Set<String> FINAL = Set.of(
            MessageStatus.PROCESSED.wire(), MessageStatus.REJECTED.wire(), MessageStatus.FORGOTTEN.wire());
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS = Duration.ofSeconds(10);

    private SettledState() {}

    /**
     * @param itemHashes every item_hash that must get a status
     * @param rejectionIds every rejection record that must exist
     * @param quiet how long the exported state must stay unchanged once every status is final
     * @return the settled state, as exported
     * @throws AssertionError naming what is not final when the timeout passes first
     */
    static ObjectNode await(CqlSession session, String keyspace, Collection<String> itemHashes,
            Collection<String> rejectionIds, Duration quiet, Duration timeout) throws InterruptedException {
        OutcomeReader reader = new OutcomeReader(session, keyspace);
        StateExport export = new StateExport(session, keyspace);
        long deadline = System.nanoTime() + timeout.toNanos();
        ObjectNode previous = null;
        long unchangedSince = 0;
        long started = System.nanoTime();
        long lastProgress = started;
        while (true) {
            Map<String, OutcomeReader.Status> statuses = reader.statuses(itemHashes);
            List<String> notFinal = new ArrayList<>();
            for (String hash : itemHashes) {
                OutcomeReader.Status status = statuses.get(hash);
                if (status == null || !FINAL.contains(status.status())) {
                    notFinal.add(hash + " " + (status == null ? "without status" : status.status() + " " + status.errorCode()));
                }
            }
            int missingRejections = rejectionIds.size() - reader.rejectionCodes(rejectionIds).size();
            if (notFinal.isEmpty() && missingRejections == 0) {
                ObjectNode state = export.export();
                if (!state.equals(previous)) {
                    previous = state;
                    unchangedSince = System.nanoTime();
                } else if (System.nanoTime() - unchangedSince >= quiet.toNanos()) {
                    return state;
                }
            } else {
                previous = null;
            }
            if (System.nanoTime() - lastProgress > PROGRESS.toNanos()) {
                lastProgress = System.nanoTime();
                // A long wait shows in the test output how far the job got.
                System.out.printf("settling for %.0f s: %d of %d item_hashes not final %s, %d rejection records missing%n",
                        (lastProgress - started) / 1e9, notFinal.size(), itemHashes.size(),
                        notFinal.subList(0, Math.min(3, notFinal.size())), missingRejections);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not settled within " + timeout + ": " + notFinal.size() + " of " + itemHashes.size()
                        + " item_hashes without a final status " + notFinal.subList(0, Math.min(10, notFinal.size()))
                        + ", " + missingRejections + " rejection records missing"
                        + (notFinal.isEmpty() && missingRejections == 0 ? ", the state kept changing" : ""));
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
