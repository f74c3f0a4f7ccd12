package cloud.aleph.flink.operators.model;

/**
 * One record of an input topic, before any parsing: the bytes a client (raw topic) or the chain
 * indexer (trusted topic) published and where they were read from. The position makes every
 * outcome traceable and gives rejections of unparsable input a stable identity.
 *
 * @param partition source partition ({@link SourcePartitions}): the raw topic's partition number, or
 *     a trusted-topic partition in its own range
 * @param offset Kafka offset within the partition
 * @param timestampMillis Kafka record timestamp (stable across replays, unlike wall-clock time)
 * @param payload the record value exactly as published
 */
public record RawMessage(int partition, long offset, long timestampMillis, byte[] payload) {

    /**
     * Whether the record comes from the trusted topic, where unsigned smart-contract messages are
     * allowed (spec §3.3, §9.4); decided by its position alone, so no other field can claim it.
     */
    public boolean trusted() {
        return SourcePartitions.isTrusted(partition);
    }
}
