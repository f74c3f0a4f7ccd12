package cloud.aleph.flink.operators.model;

/**
 * A CCN's signed summary of one epoch: the item_hashes it accepted among the records of
 * {@code [start, end]} of a partition, as a Merkle root, chained to its previous epoch.
 *
 * @param ccn the CCN's id
 * @param partition source partition ({@link SourcePartitions})
 * @param start first offset of the epoch
 * @param end last offset of the epoch
 * @param leaves the accepted item_hashes in offset order, comma-separated (empty when none)
 * @param root Merkle root of the leaves ({@link cloud.aleph.flink.operators.consensus.MerkleTree})
 * @param previous chain value of the CCN's previous epoch of the partition ("genesis" for the first)
 * @param chain sha256 over previous, root, partition, start and end: what the CCN signs
 * @param signature EIP-191 signature of the digest text by the CCN's key
 */
public record EpochDigest(
        String ccn, int partition, long start, long end, String leaves, String root, String previous, String chain,
        String signature) {}
