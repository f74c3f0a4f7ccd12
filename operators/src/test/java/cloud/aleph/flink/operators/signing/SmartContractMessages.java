package cloud.aleph.flink.operators.signing;

import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Messages as the chain indexer makes them of the Aleph smart contract's {@code MessageEvent}
 * (spec §9.4): {@code {sender: addr, chain: <tx chain>, signature: null, item_type: "inline",
 * time: tx time, item_content: msgcontent, item_hash: sha256(item_content), type: msgtype,
 * channel: null}}. They carry no signature: only the trusted input accepts them.
 */
public final class SmartContractMessages {

    private SmartContractMessages() {}

    /** The envelope of a contract event, in the indexer's field order. */
    public static String envelope(Chain chain, String sender, MessageType type, double txTime, String itemContent) {
        ObjectNode envelope = AlephJson.nodes().objectNode();
        envelope.put("sender", sender);
        envelope.put("chain", chain.wire());
        envelope.putNull("signature");
        envelope.put("item_type", ItemType.INLINE.wire());
        envelope.put("time", txTime);
        envelope.put("item_content", itemContent);
        envelope.put("item_hash", ItemHashes.sha256Hex(itemContent));
        envelope.put("type", type.wire());
        envelope.putNull("channel");
        return PythonJson.spaced(envelope);
    }

    /** An ETH POST of {@code address} whose content body is {@code body}. */
    public static String post(String address, double time, String body) {
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", address);
        content.put("time", time);
        content.put("type", "contract-note");
        content.putObject("content").put("body", body);
        return envelope(Chain.ETH, address, MessageType.POST, time, PythonJson.compact(content));
    }

    /** An AGGREGATE of {@code address} on {@code chain}, setting {@code value} under {@code key}. */
    public static String aggregate(Chain chain, String address, double time, String key, String value) {
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", address);
        content.put("time", time);
        content.put("key", key);
        content.putObject("content").put("value", value);
        return envelope(chain, address, MessageType.AGGREGATE, time, PythonJson.compact(content));
    }
}
