package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.VerifiedMessage;

/**
 * Accepted messages for state tests, built from their content JSON. The state trusts the
 * verification step, so these need no signature; item_hash is the sha256 of the content as usual.
 */
public final class StateFixtures {

    public static final String OWNER = "0x1111111111111111111111111111111111111111";
    public static final String DELEGATE = "0x2222222222222222222222222222222222222222";

    private StateFixtures() {}

    public static VerifiedMessage message(MessageType type, String sender, String content) {
        String owner = content.replaceAll("(?s).*\"address\":\"([^\"]*)\".*", "$1");
        double time = Double.parseDouble(content.replaceAll("(?s).*\"time\":([0-9.]+).*", "$1"));
        return new VerifiedMessage(ItemHashes.sha256Hex(content), Chain.ETH, sender, type, ItemType.INLINE, content,
                "0xsig", time, "TEST", owner, time, content.length(), 0, 0L, 0L);
    }

    public static VerifiedMessage post(String owner, double time, String postType, String ref, String body) {
        return message(MessageType.POST, owner, "{\"address\":\"" + owner + "\",\"time\":" + time + ",\"type\":\"" + postType
                + "\"" + (ref == null ? "" : ",\"ref\":\"" + ref + "\"") + ",\"content\":" + body + "}");
    }

    public static VerifiedMessage aggregate(String sender, String owner, double time, String key, String body) {
        return message(MessageType.AGGREGATE, sender, "{\"address\":\"" + owner + "\",\"time\":" + time + ",\"key\":\"" + key
                + "\",\"content\":" + body + "}");
    }

    public static VerifiedMessage forget(String owner, double time, String... hashes) {
        return message(MessageType.FORGET, owner, "{\"address\":\"" + owner + "\",\"time\":" + time + ",\"hashes\":["
                + String.join(",", java.util.Arrays.stream(hashes).map(h -> "\"" + h + "\"").toList()) + "]}");
    }

    public static VerifiedMessage store(String owner, double time, String fileHash, String ref) {
        return message(MessageType.STORE, owner, "{\"address\":\"" + owner + "\",\"time\":" + time
                + ",\"item_type\":\"storage\",\"item_hash\":\"" + fileHash + "\"" + (ref == null ? "" : ",\"ref\":\"" + ref + "\"") + "}");
    }

    public static AcceptedCopy copy(VerifiedMessage message) {
        return new AcceptedCopy(message, 1L, null, null);
    }

    public static MessageFacts facts(VerifiedMessage message) {
        return MessageFacts.of(message);
    }
}
