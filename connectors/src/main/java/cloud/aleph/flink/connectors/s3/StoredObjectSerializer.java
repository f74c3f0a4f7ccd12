package cloud.aleph.flink.connectors.s3;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Checkpoint format of the objects buffered in an {@link ObjectStoreSink} writer. */
public final class StoredObjectSerializer extends AsyncSinkWriterStateSerializer<StoredObject> {

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    protected void serializeRequestToStream(StoredObject object, DataOutputStream out) throws IOException {
        writeText(out, object.key());
        writeText(out, object.contentType());
        out.writeInt(object.bytes().length);
        out.write(object.bytes());
    }

    @Override
    protected StoredObject deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        String key = readText(in);
        String contentType = readText(in);
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new StoredObject(key, bytes, contentType);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
