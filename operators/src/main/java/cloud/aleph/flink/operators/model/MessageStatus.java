package cloud.aleph.flink.operators.model;

/**
 * Finality level of a message, one column per message in Cassandra (design: "Finality levels").
 * The reference node's statuses (spec §6.7) are PENDING, PROCESSED, REJECTED and FORGOTTEN;
 * ACCEPTED (quorum of CCNs reached) and FINAL (in an epoch signed by a majority) come from the
 * multi-CCN consensus.
 */
public enum MessageStatus {
    PENDING,
    ACCEPTED,
    PROCESSED,
    FINAL,
    REJECTED,
    FORGOTTEN;

    /** Lower-case name used in Cassandra and on the command line, as the reference API spells statuses. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
