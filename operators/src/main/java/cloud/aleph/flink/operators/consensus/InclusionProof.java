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
 * @param signatures each signing CCN, who signed, whether the digest is well formed and whether a member signed it
 */
public record InclusionProof(String itemHash, String epochId, int index, String root, List<MerkleTree.Step> path,
        boolean pathValid, List<Signature> signatures) {

    /**
     * One CCN's signature over the epoch's root.
     *
     * @param signer the identity of the key that signed: the registered one when a member's key verified it,
     *     else the address a secp256k1 signature recovers to, else null (an Ed25519 signature names no key:
     *     only the members' configuration can tell whose it is)
     * @param wellFormed the digest's root and chain are the epoch's, and the signature has the form of one
     *     (a recoverable secp256k1 signature or 64 bytes of Ed25519)
     * @param byMember checked against the members: the key registered for {@code ccn} made the signature
     */
    public record Signature(String ccn, String signer, boolean wellFormed, boolean byMember) {}

    /**
     * @param leaves the epoch's leaves in offset order
     * @param digests the digests that signed the epoch's root
     * @param members the CCNs to check the signatures against, or null to check their form only
     * @param secp256k1 the recovery for secp256k1 signatures
     */
    public static InclusionProof of(String itemHash, int partition, long start, long end, String root, List<String> leaves,
            List<EpochDigest> digests, Membership members, EvmVerifier secp256k1) {
        int index = leaves.indexOf(itemHash);
        List<MerkleTree.Step> path = index < 0 ? List.of() : MerkleTree.proof(leaves, index);
        boolean pathValid = index >= 0 && MerkleTree.root(leaves).equals(root) && MerkleTree.verify(itemHash, path, root);
        List<Signature> signatures = new ArrayList<>();
        for (EpochDigest digest : digests) {
            boolean consistent = digest.root().equals(root)
                    && ConsensusTexts.chain(digest.previous(), root, partition, start, end).equals(digest.chain());
            byte[] text = ConsensusTexts.digest(digest);
            boolean byMember = members != null && members.signedBy(digest.ccn(), text, digest.signature(), secp256k1);
            String signer = byMember ? members.identities().get(digest.ccn()).text()
                    : secp256k1.recoverAddress(text, digest.signature()).orElse(null);
            boolean signatureForm = signer != null || Ed25519NodeSignatures.decode(digest.signature()) != null;
            signatures.add(new Signature(digest.ccn(), signer, consistent && signatureForm, byMember));
        }
        return new InclusionProof(itemHash, partition + ":" + start + "-" + end, index, root, path, pathValid, signatures);
    }

    /** How many distinct CCNs signed well-formed digests with their registered keys (0 unchecked against members). */
    public long memberSignatures() {
        return signatures.stream().filter(s -> s.wellFormed() && s.byMember()).map(Signature::ccn).distinct().count();
    }
}
