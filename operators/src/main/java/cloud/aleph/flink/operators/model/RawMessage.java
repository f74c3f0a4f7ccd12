package cloud.aleph.flink.operators.model;

/**
 * One record of the raw topic, before any parsing: the bytes a client published and where they
 * were read from. The position makes every outcome traceable and gives rejections of unparsable
 * input a stable identity.
 *
 * @param partition Kafka partition of the raw topic
 * @param offset Kafka offset within the partition
 * @param timestampMillis Kafka record timestamp (stable across replays, unlike wall-clock time)
 * @param payload the record value exactly as published
 */
public record RawMessage(int partition, long offset, long timestampMillis, byte[] payload) {}
