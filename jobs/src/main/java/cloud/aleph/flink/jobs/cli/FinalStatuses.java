package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.cassandra.OutcomeReader;
import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import cloud.aleph.flink.jobs.workload.DemoWorkload;
import cloud.aleph.flink.operators.model.MessageStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waits until every published envelope has a final outcome in Cassandra: its item_hash has a
 * status that is processed, rejected or forgotten (not accepted, not pending), or, for input
 * without an item_hash, its rejection record exists; then until the statuses stop changing.
 */
final class FinalStatuses {

    private static final Set<String> FINAL = Set.of(
            MessageStatus.PROCESSED.wire(), MessageStatus.REJECTED.wire(), MessageStatus.FORGOTTEN.wire());

    private final Set<String> itemHashes = new LinkedHashSet<>();
    private final Set<String> unidentified = new LinkedHashSet<>();

    FinalStatuses(List<String> envelopes) {
        for (String envelope : envelopes) {
            String itemHash = RawTopicPublisher.itemHashOf(envelope);
            if (itemHash != null) {
                itemHashes.add(itemHash);
            } else {
                unidentified.add(DemoWorkload.rejectionIdOf(envelope));
            }
        }
    }

    int total() {
        return itemHashes.size() + unidentified.size();
    }

    /**
     * @param quiet how long the statuses must stay unchanged once all are final
     * @return true when everything settled before the deadline
     */
    boolean await(OutcomeReader reader, Duration quiet, Duration timeout, Terminal.Bar bar) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, OutcomeReader.Status> previous = null;
        long stableSince = 0;
        while (System.nanoTime() < deadline) {
            Map<String, OutcomeReader.Status> statuses = new HashMap<>(reader.statuses(itemHashes));
            int done = (int) statuses.values().stream().filter(s -> FINAL.contains(s.status())).count();
            int rejectedUnidentified = reader.rejectionCodes(unidentified).size();
            bar.update(done + rejectedUnidentified);
            if (done == itemHashes.size() && rejectedUnidentified == unidentified.size()) {
                if (!statuses.equals(previous)) {
                    previous = statuses;
                    stableSince = System.nanoTime();
                } else if (System.nanoTime() - stableSince >= quiet.toNanos()) {
                    bar.done(total());
                    return true;
                }
            } else {
                previous = null;
            }
            Thread.sleep(500);
        }
        bar.done(total());
        return false;
    }
}
