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
 * no two scenarios share a CCN, a consumer group or a transactional id), and a key outside the set
 * for forgeries.
 */
final class NetworkKeys {

    private final String scenario;
    private final Map<String, String> privateKeys = new LinkedHashMap<>();

    private NetworkKeys(String scenario, int count) {
        this.scenario = scenario;
        for (int i = 1; i <= count; i++) {
            privateKeys.put(scenario + "-ccn-" + i, ItemHashes.sha256Hex("aleph-flink consensus it/" + scenario + "/ccn-" + i));
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

    String address(String ccn) {
        return new CcnKey(privateKey(ccn)).address();
    }

    /** The {@code aleph.consensus.members} value: {@code id=address,...}. */
    String members() {
        StringJoiner members = new StringJoiner(",");
        privateKeys.keySet().forEach(ccn -> members.add(ccn + "=" + address(ccn)));
        return members.toString();
    }

    /** A node key no member has: what a forger signs with. */
    String foreignKey(String name) {
        return ItemHashes.sha256Hex("aleph-flink consensus it/" + scenario + "/foreign/" + name);
    }
}
