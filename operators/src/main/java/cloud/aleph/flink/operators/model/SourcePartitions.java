package cloud.aleph.flink.operators.model;

/**
 * One numbering of the partitions of the two inputs, so that a position {@code (partition, offset)}
 * names exactly one record: partition {@code p} of the raw topic keeps its number {@code p};
 * partition {@code p} of the trusted topic becomes {@link #TRUSTED_BASE}{@code  + p}. Every CCN
 * numbers them alike, so everything keyed by position stays correct and deterministic across
 * CCNs: attestations ({@code partition:offset}), epochs (offset windows per partition, each chained
 * from genesis), epoch ids ({@code partition:start-end}), rejection and message rows. The trusted
 * topic's partitions thus have epochs of their own: {@code 1000000:0-99} is the first epoch of
 * its partition 0.
 */
public final class SourcePartitions {

    /** Source partition of the trusted topic's partition 0; far above any real partition count. */
    public static final int TRUSTED_BASE = 1_000_000;

    private SourcePartitions() {}

    /** The source partition of a raw-topic partition: its own number. */
    public static int raw(int kafkaPartition) {
        return checked(kafkaPartition);
    }

    /** The source partition of a trusted-topic partition. */
    public static int trusted(int kafkaPartition) {
        return TRUSTED_BASE + checked(kafkaPartition);
    }

    /** Whether a source partition is one of the trusted topic's. */
    public static boolean isTrusted(int sourcePartition) {
        return sourcePartition >= TRUSTED_BASE;
    }

    private static int checked(int kafkaPartition) {
        // A topic this large would make the two ranges overlap: refuse it rather than trust raw records.
        if (kafkaPartition < 0 || kafkaPartition >= TRUSTED_BASE) {
            throw new IllegalArgumentException("Kafka partition out of range [0, " + TRUSTED_BASE + "): " + kafkaPartition);
        }
        return kafkaPartition;
    }
}
