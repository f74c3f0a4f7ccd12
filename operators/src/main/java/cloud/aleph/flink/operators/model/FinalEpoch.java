package cloud.aleph.flink.operators.model;

/**
 * An epoch that a majority of CCNs signed the same Merkle root for.
 *
 * @param partition source partition ({@link SourcePartitions})
 * @param start first offset
 * @param end last offset
 * @param root the agreed Merkle root
 * @param leaves the accepted item_hashes in offset order, comma-separated
 * @param signers comma-separated ids of the CCNs that signed that root
 */
public record FinalEpoch(int partition, long start, long end, String root, String leaves, String signers) {

    public String id() {
        return partition + ":" + start + "-" + end;
    }
}
