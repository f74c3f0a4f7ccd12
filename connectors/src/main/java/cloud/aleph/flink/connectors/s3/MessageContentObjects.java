package cloud.aleph.flink.connectors.s3;

import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The objects a verified message puts into the store. Inline messages: the exact item_content
 * string as UTF-8 under its item_hash (which is the sha256 of those bytes), as
 * {@code application/json}. Storage and IPFS messages: nothing yet (their content has to be
 * fetched first). A pure function, usable as a flatMap in front of {@link ObjectStoreSink}.
 */
public final class MessageContentObjects implements FlatMapFunction<AcceptedCopy, StoredObject> {

    private static final long serialVersionUID = 1L;

    public static final String JSON = "application/json";

    public static Optional<StoredObject> objectOf(VerifiedMessage message) {
        if (message.itemType() != ItemType.INLINE || message.itemContent() == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredObject(
                ObjectKeys.forSha256(message.itemHash()),
                message.itemContent().getBytes(StandardCharsets.UTF_8),
                JSON));
    }

    @Override
    public void flatMap(AcceptedCopy copy, Collector<StoredObject> out) {
        // A replacing copy has the same item_hash, hence the same content: writing it again is a no-op.
        objectOf(copy.message()).ifPresent(out::collect);
    }
}
