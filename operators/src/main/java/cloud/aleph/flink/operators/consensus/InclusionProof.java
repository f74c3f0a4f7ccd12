package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.model.EpochDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The proof that a message is in a finalised epoch: its Merkle path to the epoch's root, and the
 * CCN signatures over that root, each checked on its own.
 *
 * @param itemHash the message
 * @param epochId {@code partition:start-end}
 * @param index its position among the epoch's leaves, or −1 when it is not one of them
 * @param root the epoch's agreed root
 * @param path the Merkle path from the leaf to the root
 * @param pathValid whether the path leads to the root
 * @param signatures each signing CCN, the address its signature recovers to, and whether the digest is well formed
 */
public record InclusionProof(String itemHash, String epochId, int index, String root, List<MerkleTree.Step> path,
        boolean pathValid, List<Signature> signatures) {

    /** One CCN's signature over the epoch's root. */
    public record Signature(String ccn, String signerAddress, boolean wellFormed) {}

    /**
     * @param leaves the epoch's leaves in offset order
     * @param digests the digests that signed the epoch's root
     */
    public static InclusionProof of(String itemHash, int partition, long start, long end, String root, List<String> leaves,
            List<EpochDigest> digests, EvmVerifier verifier) {
        int index = leaves.indexOf(itemHash);
        List<MerkleTree.Step> path = index < 0 ? List.of() : MerkleTree.proof(leaves, index);
        boolean pathValid = index >= 0 && MerkleTree.root(leaves).equals(root) && MerkleTree.verify(itemHash, path, root);
        List<Signature> signatures = new ArrayList<>();
        for (EpochDigest digest : digests) {
            boolean wellFormed = digest.root().equals(root)
                    && ConsensusTexts.chain(digest.previous(), root, partition, start, end).equals(digest.chain());
            String signer = verifier.recoverAddress(ConsensusTexts.digest(digest), digest.signature()).orElse(null);
            signatures.add(new Signature(digest.ccn(), signer, wellFormed && signer != null));
        }
        return new InclusionProof(itemHash, partition + ":" + start + "-" + end, index, root, path, pathValid, signatures);
    }

    /** How many of the signatures come from members of {@code membership} (each CCN once). */
    public long memberSignatures(Membership membership) {
        return signatures.stream()
                .filter(s -> s.wellFormed() && membership.isMember(s.ccn(), s.signerAddress()))
                .map(Signature::ccn).distinct().count();
    }
}
