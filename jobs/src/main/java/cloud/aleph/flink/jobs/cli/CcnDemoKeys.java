package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.operators.consensus.CcnKey;
import cloud.aleph.flink.operators.hash.ItemHashes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Node keys of the CCNs of a network on the embedded stack, derived from a fixed seed so that runs
 * are reproducible. Anyone can derive them: they are for local networks only. The last CCN of a
 * network of several has an Ed25519 key, the others secp256k1 keys, so the demo runs a mixed set.
 */
final class CcnDemoKeys {

    private CcnDemoKeys() {}

    /** CCN id ({@code ccn-1} ...) → node key as {@code aleph.ccn.private-key} takes it, for {@code count} CCNs. */
    static Map<String, String> network(int count) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            String secret = ItemHashes.sha256Hex("aleph-flink demo ccn key/" + i);
            keys.put("ccn-" + i, count > 1 && i == count ? "ed25519:" + secret : secret);
        }
        return keys;
    }

    /** The {@code aleph.consensus.members} value of a network: {@code id=identity,...}. */
    static String members(Map<String, String> keys) {
        StringJoiner members = new StringJoiner(",");
        keys.forEach((id, key) -> members.add(id + "=" + CcnKey.parse(key).identity()));
        return members.toString();
    }
}
