package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import cloud.aleph.flink.jobs.NetworkTopics.RawRecord;
import cloud.aleph.flink.jobs.workload.WorkloadMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the agreed state of a network must be, derived from the raw topic as published and from
 * what each published workload message is (valid, or bad with the reference code). Every other
 * record of the raw topic is a heartbeat filler, valid. Epochs are the fixed windows of
 * {@link NetworkConfiguration#EPOCH_SIZE} offsets, all complete (the fillers saw to it).
 */
final class NetworkExpectation {

    private final List<RawRecord> records;
    private final Map<String, WorkloadMessage> badByJson = new HashMap<>();
    private final Set<String> workloadValidHashes;
    private final int epochSize;

    NetworkExpectation(Collection<WorkloadMessage> workload, List<RawRecord> records, int epochSize) {
        this.records = List.copyOf(records);
        this.epochSize = epochSize;
        for (WorkloadMessage m : workload) {
            if (!m.expectedValid()) {
                badByJson.put(m.json(), m);
            }
        }
        this.workloadValidHashes = workload.stream().filter(WorkloadMessage::expectedValid)
                .map(WorkloadMessage::itemHash).collect(Collectors.toSet());
        // A bad input may be published more than once (it is rejected once per publication); a valid message once.
        Map<String, Long> published = records.stream().collect(Collectors.groupingBy(RawRecord::json, Collectors.counting()));
        Map<String, Long> inWorkload = workload.stream().collect(Collectors.groupingBy(WorkloadMessage::json, Collectors.counting()));
        for (WorkloadMessage m : workload) {
            long times = inWorkload.get(m.json());
            if (m.expectedValid() && times != 1) {
                throw new IllegalArgumentException("valid message " + m.itemHash() + " is in the workload " + times + " times");
            }
            if (published.getOrDefault(m.json(), 0L) != times) {
                throw new IllegalStateException("workload message (" + m.kind() + ") is on the raw topic "
                        + published.getOrDefault(m.json(), 0L) + " times, not " + times);
            }
        }
        for (Map.Entry<Integer, Long> end : endOffsets().entrySet()) {
            if (end.getValue() % epochSize != 0) {
                throw new IllegalStateException("partition " + end.getKey() + " ends at " + end.getValue()
                        + ", inside an epoch: complete the epochs first");
            }
        }
    }

    List<RawRecord> records() {
        return records;
    }

    /** The bad input a raw record is, or null for a valid message. */
    WorkloadMessage bad(RawRecord record) {
        return badByJson.get(record.json());
    }

    /** Item_hash of every valid record (workload and fillers) → the epoch it must be final in. */
    Map<String, String> finalEpochByHash() {
        Map<String, String> epochs = new HashMap<>();
        for (RawRecord r : records) {
            if (bad(r) == null) {
                epochs.put(RawTopicPublisher.itemHashOf(r.json()), epochId(r.partition(), r.offset()));
            }
        }
        return epochs;
    }

    /** The workload's valid item_hashes (without fillers). */
    Set<String> workloadValidHashes() {
        return workloadValidHashes;
    }

    /** Item_hash of every bad input that has one → the code its status must show. */
    Map<String, Integer> rejectedCodeByHash() {
        Map<String, Integer> codes = new HashMap<>();
        for (WorkloadMessage m : badByJson.values()) {
            if (m.itemHash() != null) {
                codes.put(m.itemHash(), m.expectedError().code());
            }
        }
        return codes;
    }

    /** Rejection id of every bad input → its raw records (one per publication). */
    Map<String, List<RawRecord>> badRecordsByRejectionId() {
        Map<String, List<RawRecord>> bad = new HashMap<>();
        for (RawRecord r : records) {
            WorkloadMessage m = bad(r);
            if (m != null) {
                bad.computeIfAbsent(m.rejectionId(), id -> new ArrayList<>()).add(r);
            }
        }
        return bad;
    }

    /** Epoch key {@code partition:start} → the item_hashes an honest CCN accepts in it, in offset order. */
    Map<String, List<String>> honestLeaves() {
        return leaves(false);
    }

    /**
     * Epoch key → the leaves of a CCN that calls every bad input valid
     * ({@link NetworkByzantineVerdicts#claimedHash}).
     */
    Map<String, List<String>> byzantineLeaves() {
        return leaves(true);
    }

    private Map<String, List<String>> leaves(boolean byzantine) {
        Map<String, List<String>> leaves = new TreeMap<>();
        endOffsets().forEach((partition, end) -> {
            for (long start = 0; start < end; start += epochSize) {
                leaves.put(partition + ":" + start, new ArrayList<>());
            }
        });
        records.stream()
                .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                        : Long.compare(a.offset(), b.offset()))
                .forEach(r -> {
                    WorkloadMessage m = bad(r);
                    String leaf = m == null ? RawTopicPublisher.itemHashOf(r.json())
                            : byzantine ? NetworkByzantineVerdicts.claimedHash(m.itemHash(), m.rejectionId()) : null;
                    if (leaf != null) {
                        leaves.get(epochKey(r.partition(), r.offset())).add(leaf);
                    }
                });
        return leaves;
    }

    /** Every record's position → the verdict an honest CCN gives it: "valid" or "invalid CODE". */
    Map<String, String> honestVerdicts() {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (RawRecord r : records) {
            WorkloadMessage m = bad(r);
            verdicts.put(r.position(), m == null ? "valid" : "invalid " + m.expectedError().code());
        }
        return verdicts;
    }

    /** Epoch keys of epochs holding at least one bad input. */
    Set<String> epochsWithBadInput() {
        return records.stream().filter(r -> bad(r) != null).map(r -> epochKey(r.partition(), r.offset()))
                .collect(Collectors.toSet());
    }

    String epochKey(int partition, long offset) {
        return partition + ":" + (offset - offset % epochSize);
    }

    String epochId(int partition, long offset) {
        long start = offset - offset % epochSize;
        return partition + ":" + start + "-" + (start + epochSize - 1);
    }

    /** The epoch id ({@code partition:start-end}) of an epoch key ({@code partition:start}). */
    String epochIdOfKey(String key) {
        int colon = key.indexOf(':');
        return epochId(Integer.parseInt(key.substring(0, colon)), Long.parseLong(key.substring(colon + 1)));
    }

    private Map<Integer, Long> endOffsets() {
        Map<Integer, Long> ends = new TreeMap<>();
        for (RawRecord r : records) {
            ends.merge(r.partition(), r.offset() + 1, Math::max);
        }
        return ends;
    }
}
