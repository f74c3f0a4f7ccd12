package cloud.aleph.flink.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class StoredObjectSerializerTest {

    @Test
    void bufferedObjectsSurviveACheckpoint() throws IOException {
        byte[] binary = new byte[200_000];
        new Random(7).nextBytes(binary);
        byte[] json = "{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        List<StoredObject> objects = List.of(
                new StoredObject(ObjectKeys.forSha256(ObjectKeys.sha256Hex(binary)), binary, "application/octet-stream"),
                new StoredObject(ObjectKeys.forSha256(ObjectKeys.sha256Hex(json)), json, "application/json"),
                new StoredObject(ObjectKeys.forSha256(ObjectKeys.sha256Hex(new byte[0])), new byte[0], "text/plain"));
        List<RequestEntryWrapper<StoredObject>> wrapped = new ArrayList<>();
        for (StoredObject object : objects) {
            wrapped.add(new RequestEntryWrapper<>(object, object.bytes().length));
        }
        StoredObjectSerializer serializer = new StoredObjectSerializer();

        BufferedRequestState<StoredObject> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(new BufferedRequestState<>(wrapped)));

        assertThat(restored.getBufferedRequestEntries()).extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(objects);
        assertThat(restored.getBufferedRequestEntries()).extracting(RequestEntryWrapper::getSize)
                .containsExactly(200_000L, (long) json.length, 0L);
    }
}
