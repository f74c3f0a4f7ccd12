package cloud.aleph.flink.jobs;

/**
 * Stable uids and readable names of every operator of the jobs. Uids address operator state in
 * savepoints: never change one, or a restore loses that state. Names appear in the web UI and in
 * metric scopes, so they stay short and free of per-run values.
 */
public final class OperatorIds {

    public static final String RAW_SOURCE_UID = "raw-messages-source";
    public static final String RAW_SOURCE_NAME = "Raw messages (Kafka)";

    public static final String VERIFY_UID = "verify-messages";
    public static final String VERIFY_NAME = "Verify format, hash, signature";

    public static final String SPLIT_UNIDENTIFIED_UID = "split-unidentified";
    public static final String SPLIT_UNIDENTIFIED_NAME = "Split rejections without item_hash";

    public static final String STATUS_UID = "message-status";
    public static final String STATUS_NAME = "Message status by item_hash";

    public static final String VOLUME_FACTS_UID = "volume-facts";
    public static final String VOLUME_FACTS_NAME = "Files stored and files needed";

    public static final String VOLUME_INDEX_UID = "volume-index";
    public static final String VOLUME_INDEX_NAME = "File index by item_hash";

    public static final String OWNER_STATE_UID = "owner-state";
    public static final String OWNER_STATE_NAME = "Agreed state by owner";

    public static final String TO_MESSAGE_EVENTS_UID_PREFIX = "message-events-";

    public static final String MESSAGE_RECORD_UID = "message-record";
    public static final String MESSAGE_RECORD_NAME = "Message record by item_hash";

    /** Uid prefix of the gates that hold each state output until its checkpoint completed. */
    public static final String RELEASE_ON_CHECKPOINT_UID_PREFIX = "release-on-checkpoint-";

    public static final String STATE_ROWS_SINK_UID = "cassandra-state-sink";
    public static final String STATE_ROWS_SINK_NAME = "Agreed state (Cassandra)";

    public static final String FORGOTTEN_SINK_UID = "cassandra-forgotten-sink";
    public static final String FORGOTTEN_SINK_NAME = "Forgotten messages (Cassandra)";

    public static final String MESSAGE_ROWS_SINK_UID = "cassandra-messages-sink";
    public static final String MESSAGE_ROWS_SINK_NAME = "Messages (Cassandra)";

    public static final String CONTENT_OBJECTS_UID = "content-objects";
    public static final String CONTENT_OBJECTS_NAME = "Content objects of inline messages";

    public static final String CONTENT_SINK_UID = "s3-content-sink";
    public static final String CONTENT_SINK_NAME = "Content objects (S3)";

    public static final String STATUS_ROWS_SINK_UID = "cassandra-status-sink";
    public static final String STATUS_ROWS_SINK_NAME = "Statuses (Cassandra)";

    public static final String REJECTION_ROWS_SINK_UID = "cassandra-rejections-sink";
    public static final String REJECTION_ROWS_SINK_NAME = "Rejections (Cassandra)";

    public static final String REJECTED_TOPIC_SINK_UID = "kafka-rejected-sink";
    public static final String REJECTED_TOPIC_SINK_NAME = "Rejections (Kafka)";

    public static final String ATTEST_UID = "attest";
    public static final String ATTEST_NAME = "Sign attestations";

    public static final String EPOCH_DIGEST_UID = "epoch-digest";
    public static final String EPOCH_DIGEST_NAME = "Sign epoch digests";

    public static final String ATTESTATION_SINK_UID = "kafka-attestations-sink";
    public static final String ATTESTATION_SINK_NAME = "Attestations (Kafka)";

    public static final String DIGEST_SINK_UID = "kafka-digests-sink";
    public static final String DIGEST_SINK_NAME = "Epoch digests (Kafka)";

    public static final String ATTESTATION_SOURCE_UID = "attestations-source";
    public static final String ATTESTATION_SOURCE_NAME = "Attestations (Kafka)";

    public static final String DIGEST_SOURCE_UID = "digests-source";
    public static final String DIGEST_SOURCE_NAME = "Epoch digests (Kafka)";

    public static final String RECORD_BODY_UID = "record-body";
    public static final String RECORD_BODY_NAME = "Read records (no signature check)";

    public static final String QUORUM_UID = "quorum";
    public static final String QUORUM_NAME = "Quorum by record";

    public static final String FINALITY_UID = "finality";
    public static final String FINALITY_NAME = "Finality by epoch";

    public static final String FINAL_MARKS_UID = "final-marks";
    public static final String FINAL_MARKS_NAME = "Messages of final epochs";

    public static final String EPOCHS_SINK_UID = "cassandra-epochs-sink";
    public static final String EPOCHS_SINK_NAME = "Final epochs (Cassandra)";

    public static final String EPOCH_SIGNATURES_SINK_UID = "cassandra-epoch-signatures-sink";
    public static final String EPOCH_SIGNATURES_SINK_NAME = "Epoch signatures (Cassandra)";

    public static final String CONSENSUS_NOTES_SINK_UID = "cassandra-consensus-notes-sink";
    public static final String CONSENSUS_NOTES_SINK_NAME = "Consensus notes (Cassandra)";

    private OperatorIds() {}
}
