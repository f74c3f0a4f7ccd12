package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.operators.consensus.CcnKey;
import cloud.aleph.flink.operators.hash.ItemHashes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Node keys of the CCNs of a network on the embedded stack, derived from a fixed seed so that runs
 * are reproducible. Anyone can derive them: they are for local networks only.
 */
final class CcnDemoKeys {

    private CcnDemoKeys() {}

    /** CCN id ({@code ccn-1} ...) → private key (hex), for {@code count} CCNs. */
    static Map<String, String> network(int count) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            keys.put("ccn-" + i, ItemHashes.sha256Hex("aleph-flink demo ccn key/" + i));
        }
        return keys;
    }

    /** The {@code aleph.consensus.members} value of a network: {@code id=address,...}. */
    static String members(Map<String, String> keys) {
        StringJoiner members = new StringJoiner(",");
        keys.forEach((id, key) -> members.add(id + "=" + new CcnKey(key).address()));
        return members.toString();
    }
}
