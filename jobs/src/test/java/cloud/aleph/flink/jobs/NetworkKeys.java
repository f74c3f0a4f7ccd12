package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.consensus.CcnKey;
import cloud.aleph.flink.operators.hash.ItemHashes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CCNs of one test network: ids and node keys of its own (derived from the scenario name, so
 * no two scenarios share a CCN, a consumer group or a transactional id), and keys outside the set
 * for forgeries. The third CCN of a network has an Ed25519 node key, the others secp256k1 keys, so
 * every scenario runs a mixed set.
 */
final class NetworkKeys {

    /** The CCN (from 1) whose node key is Ed25519. */
    static final int ED25519_CCN = 3;

    private final String scenario;
    private final Map<String, String> privateKeys = new LinkedHashMap<>();

    private NetworkKeys(String scenario, int count) {
        this.scenario = scenario;
        for (int i = 1; i <= count; i++) {
            String secret = ItemHashes.sha256Hex("aleph-flink consensus it/" + scenario + "/ccn-" + i);
            privateKeys.put(scenario + "-ccn-" + i, i == ED25519_CCN ? "ed25519:" + secret : secret);
        }
    }

    static NetworkKeys of(String scenario, int count) {
        return new NetworkKeys(scenario, count);
    }

    List<String> ids() {
        return new ArrayList<>(privateKeys.keySet());
    }

    /** The n-th CCN's id, from 1. */
    String id(int n) {
        return ids().get(n - 1);
    }

    String privateKey(String ccn) {
        String key = privateKeys.get(ccn);
        if (key == null) {
            throw new IllegalArgumentException("no CCN " + ccn);
        }
        return key;
    }

    /** The identity of the CCN's node key, as registered: its EVM address, or {@code ed25519:<public key>}. */
    String identity(String ccn) {
        return CcnKey.parse(privateKey(ccn)).identity();
    }

    /** The {@code aleph.consensus.members} value: {@code id=identity,...}. */
    String members() {
        StringJoiner members = new StringJoiner(",");
        privateKeys.keySet().forEach(ccn -> members.add(ccn + "=" + identity(ccn)));
        return members.toString();
    }

    /** A secp256k1 node key no member has: what a forger signs with. */
    String foreignKey(String name) {
        return ItemHashes.sha256Hex("aleph-flink consensus it/" + scenario + "/foreign/" + name);
    }

    /** An Ed25519 node key no member has. */
    String foreignEd25519Key(String name) {
        return "ed25519:" + ItemHashes.sha256Hex("aleph-flink consensus it/" + scenario + "/foreign-ed25519/" + name);
    }

    /** A node key no member has, of the same kind as {@code ccn}'s. */
    String foreignKeyLike(String ccn) {
        return privateKey(ccn).startsWith("ed25519:") ? foreignEd25519Key(ccn) : foreignKey(ccn);
    }
}
