package cloud.aleph.flink.operators.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.EpochDigest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Proofs of inclusion whose epoch was signed by secp256k1 and Ed25519 CCNs. */
class InclusionProofTest {

    private static final EvmVerifier SECP256K1 = new EvmVerifier();
    private static final CcnKey SECP = CcnKey.parse("11".repeat(32));
    private static final CcnKey SECP_2 = CcnKey.parse("22".repeat(32));
    private static final CcnKey ED = CcnKey.parse("ed25519:" + "33".repeat(32));
    private static final CcnKey OUTSIDER = CcnKey.parse("ed25519:" + "44".repeat(32));
    private static final Membership MEMBERS = Membership.parse(
            "ccn-1=" + SECP.identity() + ",ccn-2=" + SECP_2.identity() + ",ccn-3=" + ED.identity(), "majority", "");

    private static final List<String> LEAVES = List.of(ItemHashes.sha256Hex("a"), ItemHashes.sha256Hex("b"), ItemHashes.sha256Hex("c"));
    private static final String ROOT = MerkleTree.root(LEAVES);

    private static EpochDigest digest(String ccn, CcnKey key, String chain) {
        EpochDigest unsigned = new EpochDigest(ccn, 0, 0, 9, String.join(",", LEAVES), ROOT, ConsensusTexts.GENESIS, chain, null);
        return new EpochDigest(ccn, 0, 0, 9, unsigned.leaves(), ROOT, ConsensusTexts.GENESIS, chain,
                key.sign(ConsensusTexts.digest(unsigned)));
    }

    private static EpochDigest digest(String ccn, CcnKey key) {
        return digest(ccn, key, ConsensusTexts.chain(ConsensusTexts.GENESIS, ROOT, 0, 0, 9));
    }

    private static InclusionProof proof(List<EpochDigest> digests, Membership members) {
        return InclusionProof.of(LEAVES.get(1), 0, 0, 9, ROOT, LEAVES, digests, members, SECP256K1);
    }

    @Test
    void checkedAgainstTheMembersBothKindsOfSignatureCount() {
        InclusionProof proof = proof(List.of(digest("ccn-1", SECP), digest("ccn-3", ED)), MEMBERS);

        assertThat(proof.pathValid()).isTrue();
        assertThat(proof.index()).isEqualTo(1);
        assertThat(proof.memberSignatures()).isEqualTo(2);
        assertThat(proof.signatures()).containsExactly(
                new InclusionProof.Signature("ccn-1", SECP.identity().toLowerCase(Locale.ROOT), true, true),
                new InclusionProof.Signature("ccn-3", ED.identity(), true, true));
    }

    @Test
    void forgedWrongKeyAndInconsistentDigestsAreNotMemberSignatures() {
        InclusionProof proof = proof(List.of(
                digest("ccn-3", OUTSIDER), // an ed25519 key outside the set, in ccn-3's name
                digest("ccn-2", ED), // a member's ed25519 key, in the name of a secp256k1 member
                digest("ccn-3", SECP), // a secp256k1 signature for the ed25519 member
                digest("ccn-1", SECP, "not the chain"),
                digest("ccn-9", OUTSIDER)), MEMBERS);

        assertThat(proof.memberSignatures()).isZero();
        assertThat(proof.signatures()).extracting(InclusionProof.Signature::byMember)
                .containsExactly(false, false, false, true, false);
        assertThat(proof.signatures()).extracting(InclusionProof.Signature::wellFormed)
                .containsExactly(true, true, true, false, true);
        assertThat(proof.signatures().get(2).signer()).as("what the secp256k1 signature recovers to")
                .isEqualTo(SECP.identity().toLowerCase(Locale.ROOT));
    }

    @Test
    void withoutTheMembersAnEd25519SignatureIsCheckedForItsFormOnly() {
        EpochDigest garbled = digest("ccn-3", ED);
        garbled = new EpochDigest("ccn-3", 0, 0, 9, garbled.leaves(), ROOT, garbled.previous(), garbled.chain(), "0x1234");

        InclusionProof proof = proof(List.of(digest("ccn-1", SECP), digest("ccn-3", ED), garbled), null);

        assertThat(proof.memberSignatures()).isZero();
        assertThat(proof.signatures()).containsExactly(
                new InclusionProof.Signature("ccn-1", SECP.identity().toLowerCase(Locale.ROOT), true, false),
                new InclusionProof.Signature("ccn-3", null, true, false),
                new InclusionProof.Signature("ccn-3", null, false, false));
    }

    @Test
    void eachCcnCountsOnce() {
        assertThat(proof(List.of(digest("ccn-3", ED), digest("ccn-3", ED), digest("ccn-2", SECP_2)), MEMBERS)
                .memberSignatures()).isEqualTo(2);
    }
}
