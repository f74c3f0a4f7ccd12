package cloud.aleph.flink.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Samples;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class MessageContentObjectsTest {

    @Test
    void inlineContentIsStoredAsItsExactUtf8BytesUnderItsHash() {
        VerifiedMessage message = Samples.inlinePost("0xabc", 2);

        StoredObject object = MessageContentObjects.objectOf(message).orElseThrow();

        assertThat(object.key()).isEqualTo(ObjectKeys.forSha256(message.itemHash()));
        assertThat(object.bytes()).isEqualTo(message.itemContent().getBytes(StandardCharsets.UTF_8));
        assertThat(object.contentType()).isEqualTo("application/json");
        assertThat(ObjectKeys.sha256Hex(object.bytes())).isEqualTo(message.itemHash());
    }

    @Test
    void nonInlineMessagesStoreNothingYet() {
        String fileHash = ObjectKeys.sha256Hex(new byte[] {1, 2, 3});
        assertThat(MessageContentObjects.objectOf(Samples.storeMessage("0xabc", fileHash))).isEmpty();
    }

    @Test
    void asFlatMapItEmitsZeroOrOneObject() {
        List<StoredObject> out = new ArrayList<>();
        Collector<StoredObject> collector = new Collector<>() {
            @Override
            public void collect(StoredObject record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
        MessageContentObjects function = new MessageContentObjects();

        function.flatMap(Samples.firstCopy(Samples.inlinePost("a", 1)), collector);
        function.flatMap(Samples.firstCopy(Samples.storeMessage("a", ObjectKeys.sha256Hex(new byte[0]))), collector);

        assertThat(out).hasSize(1);
    }
}
