package cloud.aleph.flink.jobs.workload;

import cloud.aleph.flink.operators.model.ErrorCode;

/**
 * One message of a generated workload, with what the pipeline must make of it.
 *
 * @param json the envelope exactly as published
 * @param itemHash its item_hash, or null when the input has none (not JSON, truncated)
 * @param rejectionId the id its rejection record gets (sha256 of the raw bytes)
 * @param expectedError the rejection expected, or null for a valid message
 * @param kind what the message is, for summaries ("POST", "tampered signature", ...)
 */
public record WorkloadMessage(String json, String itemHash, String rejectionId, ErrorCode expectedError, String kind) {

    public boolean expectedValid() {
        return expectedError == null;
    }
}
