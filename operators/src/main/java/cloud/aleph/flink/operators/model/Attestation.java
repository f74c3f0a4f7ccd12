package cloud.aleph.flink.operators.model;

/**
 * A CCN's signed verdict on one record of the raw or trusted topic.
 *
 * @param ccn the CCN's id
 * @param partition source partition of the record ({@link SourcePartitions})
 * @param offset Kafka offset of the record
 * @param itemHash the record's item_hash, or null when it has none
 * @param valid whether the CCN accepts the record
 * @param errorCode the reference error code when it does not, else null
 * @param signature EIP-191 signature of {@link cloud.aleph.flink.operators.consensus.AttestationText} by the CCN's key
 */
public record Attestation(
        String ccn, int partition, long offset, String itemHash, boolean valid, Integer errorCode, String signature) {}
