package cloud.aleph.flink.operators.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.hash.ItemHashes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static List<String> hashes(int n) {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(ItemHashes.sha256Hex("message " + i));
        }
        return hashes;
    }

    @Test
    void everyLeafHasAProofThatLeadsToTheRoot() {
        for (int n = 1; n <= 17; n++) {
            List<String> leaves = hashes(n);
            String root = MerkleTree.root(leaves);
            for (int i = 0; i < n; i++) {
                assertThat(MerkleTree.verify(leaves.get(i), MerkleTree.proof(leaves, i), root)).as("leaf %d of %d", i, n).isTrue();
            }
        }
    }

    @Test
    void aProofDoesNotProveAnotherLeafOrAnotherRoot() {
        List<String> leaves = hashes(9);
        String root = MerkleTree.root(leaves);
        List<MerkleTree.Step> proof = MerkleTree.proof(leaves, 4);

        assertThat(MerkleTree.verify(leaves.get(5), proof, root)).isFalse();
        assertThat(MerkleTree.verify(leaves.get(4), proof, MerkleTree.root(hashes(8)))).isFalse();
    }

    @Test
    void theRootDependsOnTheOrderAndOnEveryLeaf() {
        List<String> leaves = hashes(6);
        List<String> swapped = new ArrayList<>(leaves);
        swapped.set(0, leaves.get(1));
        swapped.set(1, leaves.get(0));

        assertThat(MerkleTree.root(swapped)).isNotEqualTo(MerkleTree.root(leaves));
        assertThat(MerkleTree.root(leaves.subList(0, 5))).isNotEqualTo(MerkleTree.root(leaves));
        assertThat(MerkleTree.root(List.of())).isEqualTo(ItemHashes.sha256Hex(new byte[0]));
    }

    @Test
    void aSingleLeafIsNotItsOwnRoot() {
        String hash = ItemHashes.sha256Hex("only");
        assertThat(MerkleTree.root(List.of(hash))).isNotEqualTo(hash);
        assertThat(MerkleTree.proof(List.of(hash), 0)).isEmpty();
    }
}
