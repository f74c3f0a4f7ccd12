package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.hash.Digests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of an epoch: its leaves are the item_hashes a CCN accepted in the epoch, in
 * offset order. Leaves and inner nodes are hashed with distinct prefixes (as RFC 6962 does), so a
 * leaf can never pass for a node; an odd node at the end of a level moves up unchanged. The root
 * of no leaves is sha256 of nothing.
 */
public final class MerkleTree {

    /** One step of an inclusion proof: the sibling hash and on which side it sits. */
    public record Step(String sibling, boolean siblingOnLeft) {}

    private MerkleTree() {}

    public static String root(List<String> itemHashes) {
        if (itemHashes.isEmpty()) {
            return Hex.encode(Digests.sha256(new byte[0]));
        }
        List<byte[]> level = leaves(itemHashes);
        while (level.size() > 1) {
            level = parents(level);
        }
        return Hex.encode(level.get(0));
    }

    /** The proof that the leaf at {@code index} is in the tree of {@code itemHashes}. */
    public static List<Step> proof(List<String> itemHashes, int index) {
        if (index < 0 || index >= itemHashes.size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + itemHashes.size());
        }
        List<Step> steps = new ArrayList<>();
        List<byte[]> level = leaves(itemHashes);
        int position = index;
        while (level.size() > 1) {
            int sibling = position ^ 1;
            if (sibling < level.size()) {
                steps.add(new Step(Hex.encode(level.get(sibling)), sibling < position));
            }
            level = parents(level);
            position /= 2;
        }
        return steps;
    }

    /** Whether {@code proof} leads from the leaf of {@code itemHash} to {@code root}. */
    public static boolean verify(String itemHash, List<Step> proof, String root) {
        byte[] node = leaf(itemHash);
        for (Step step : proof) {
            byte[] sibling = Hex.decode(step.sibling());
            node = step.siblingOnLeft() ? node(sibling, node) : node(node, sibling);
        }
        return Hex.encode(node).equals(root);
    }

    private static List<byte[]> leaves(List<String> itemHashes) {
        List<byte[]> leaves = new ArrayList<>(itemHashes.size());
        for (String itemHash : itemHashes) {
            leaves.add(leaf(itemHash));
        }
        return leaves;
    }

    private static List<byte[]> parents(List<byte[]> level) {
        List<byte[]> parents = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
            parents.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return parents;
    }

    private static byte[] leaf(String itemHash) {
        byte[] text = itemHash.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[text.length + 1];
        input[0] = 0;
        System.arraycopy(text, 0, input, 1, text.length);
        return Digests.sha256(input);
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] input = new byte[1 + left.length + right.length];
        input[0] = 1;
        System.arraycopy(left, 0, input, 1, left.length);
        System.arraycopy(right, 0, input, 1 + left.length, right.length);
        return Digests.sha256(input);
    }
}
