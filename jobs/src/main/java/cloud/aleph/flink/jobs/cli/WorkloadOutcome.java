package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.cassandra.OutcomeReader;
import cloud.aleph.flink.jobs.workload.WorkloadMessage;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pipeline made of a workload, read back from Cassandra: a valid message is done when its
 * status is processed, a bad one when its rejection record exists.
 */
final class WorkloadOutcome {

    private final List<WorkloadMessage> messages;
    private final Map<String, WorkloadMessage> pendingValid = new java.util.HashMap<>();
    private final Map<String, WorkloadMessage> pendingInvalid = new java.util.HashMap<>();
    private int accepted;
    private final Map<Integer, Integer> rejectedByCode = new TreeMap<>();
    private final List<String> unexpected = new ArrayList<>();

    WorkloadOutcome(List<WorkloadMessage> messages) {
        this.messages = messages;
        for (WorkloadMessage message : messages) {
            if (message.expectedValid()) {
                pendingValid.put(message.itemHash(), message);
            } else {
                pendingInvalid.put(message.rejectionId(), message);
            }
        }
    }

    /** Reads the outcome of the messages not settled yet; returns how many are settled in all. */
    int refresh(OutcomeReader reader) {
        if (!pendingValid.isEmpty()) {
            Map<String, OutcomeReader.Status> statuses = reader.statuses(List.copyOf(pendingValid.keySet()));
            for (Map.Entry<String, OutcomeReader.Status> entry : statuses.entrySet()) {
                OutcomeReader.Status status = entry.getValue();
                if (MessageStatus.PROCESSED.wire().equals(status.status()) || MessageStatus.FINAL.wire().equals(status.status())) {
                    accepted++;
                    pendingValid.remove(entry.getKey());
                } else if (MessageStatus.REJECTED.wire().equals(status.status())) {
                    rejectedByCode.merge(status.errorCode() == null ? ErrorCode.INTERNAL_ERROR.code() : status.errorCode(), 1, Integer::sum);
                    unexpected.add("valid " + pendingValid.remove(entry.getKey()).kind() + " " + entry.getKey()
                            + " was rejected with " + status.errorCode());
                }
            }
        }
        if (!pendingInvalid.isEmpty()) {
            Map<String, Integer> codes = reader.rejectionCodes(List.copyOf(pendingInvalid.keySet()));
            for (Map.Entry<String, Integer> entry : codes.entrySet()) {
                WorkloadMessage message = pendingInvalid.remove(entry.getKey());
                rejectedByCode.merge(entry.getValue(), 1, Integer::sum);
                if (entry.getValue() != message.expectedError().code()) {
                    unexpected.add(message.kind() + " " + entry.getKey() + " rejected with " + entry.getValue()
                            + " instead of " + message.expectedError().code());
                }
            }
        }
        return settled();
    }

    int settled() {
        return messages.size() - pendingValid.size() - pendingInvalid.size();
    }

    boolean complete() {
        return pendingValid.isEmpty() && pendingInvalid.isEmpty();
    }

    int accepted() {
        return accepted;
    }

    /** The item_hashes of the valid messages of the workload. */
    List<String> acceptedHashes() {
        return messages.stream().filter(WorkloadMessage::expectedValid).map(WorkloadMessage::itemHash).toList();
    }

    Map<Integer, Integer> rejectedByCode() {
        return rejectedByCode;
    }

    /** Verdicts that differ from the expected ones, plus messages never settled. */
    List<String> unexpected() {
        List<String> all = new ArrayList<>(unexpected);
        pendingValid.values().forEach(m -> all.add("valid " + m.kind() + " " + m.itemHash() + " has no processed status"));
        pendingInvalid.values().forEach(m -> all.add(m.kind() + " " + m.rejectionId() + " has no rejection record"));
        return all;
    }
}
