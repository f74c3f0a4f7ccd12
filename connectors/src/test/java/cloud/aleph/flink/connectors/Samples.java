package cloud.aleph.flink.connectors;

import cloud.aleph.flink.connectors.s3.ObjectKeys;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.MessageRowChange;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.nio.charset.StandardCharsets;

/** Model records for tests, with item hashes that really are the sha256 of their content. */
public final class Samples {

    /** 2024-05-01T12:00:00Z in seconds. */
    public static final double TIME_2024_05_01_NOON = 1_714_564_800.0;

    private Samples() {}

    public static String inlineContent(String sender, int n) {
        return "{\"address\":\"" + sender + "\",\"time\":" + (TIME_2024_05_01_NOON + n)
                + ",\"content\":{\"body\":\"post " + n + " \\u00e9\"},\"type\":\"test\"}";
    }

    public static VerifiedMessage inlinePost(String sender, int n) {
        String content = inlineContent(sender, n);
        String itemHash = ObjectKeys.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
        return new VerifiedMessage(
                itemHash,
                Chain.ETH,
                sender,
                MessageType.POST,
                ItemType.INLINE,
                content,
                "0xsig" + n,
                TIME_2024_05_01_NOON + n,
                n % 2 == 0 ? "TEST" : null,
                sender,
                TIME_2024_05_01_NOON + n,
                content.codePointCount(0, content.length()),
                n % 4,
                100L + n,
                1_714_564_800_000L + n);
    }

    /** The rows the record operator writes for a processed message. */
    public static MessageRowChange rowsOf(VerifiedMessage message) {
        return new MessageRowChange(message, false, 1_000L, null);
    }

    /** The copy the status operator would keep for a first, unique copy of the message. */
    public static AcceptedCopy firstCopy(VerifiedMessage message) {
        return new AcceptedCopy(message, 1_000L, null, null);
    }

    public static VerifiedMessage storeMessage(String sender, String fileHash) {
        return new VerifiedMessage(
                fileHash, Chain.SOL, sender, MessageType.STORE, ItemType.STORAGE, null, "sig", TIME_2024_05_01_NOON,
                null, null, null, 0, 1, 7L, 1_714_564_800_000L);
    }

    public static StatusUpdate status(String itemHash, MessageStatus status, long version) {
        boolean rejected = status == MessageStatus.REJECTED;
        return new StatusUpdate(
                itemHash,
                status,
                rejected ? ErrorCode.INVALID_SIGNATURE.code() : null,
                rejected ? "signature does not match sender" : null,
                version,
                1_714_564_800_000L + version);
    }

    public static Rejection rejection(String raw, String itemHash, ErrorCode code, long receivedMillis) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return new Rejection(
                ObjectKeys.sha256Hex(bytes),
                itemHash,
                code,
                "reason for " + code.name(),
                itemHash == null ? null : "0xsender",
                itemHash == null ? null : "ETH",
                itemHash == null ? null : "POST",
                raw,
                bytes.length,
                2,
                42L,
                receivedMillis);
    }
}
