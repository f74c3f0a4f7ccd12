package cloud.aleph.flink.connectors.cassandra;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Checkpoint format of the writes buffered in a {@link CassandraSink} writer. Each value carries a
 * one-byte type tag; strings are written as length-prefixed UTF-8 so that long texts (raw
 * rejected input, inline content) are not limited to 64 KiB.
 */
public final class CassandraWriteSerializer extends AsyncSinkWriterStateSerializer<CassandraWrite> {

    private static final int VERSION = 1;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte INSTANT = 6;
    private static final byte DATE = 7;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    protected void serializeRequestToStream(CassandraWrite write, DataOutputStream out) throws IOException {
        writeString(out, write.key());
        out.writeInt(write.statements().size());
        for (CqlStatement statement : write.statements()) {
            writeString(out, statement.cql());
            out.writeLong(statement.writeTimestampMicros());
            out.writeByte(statement.nulls().ordinal());
            out.writeInt(statement.values().size());
            for (Object value : statement.values()) {
                writeValue(out, value);
            }
        }
    }

    @Override
    protected CassandraWrite deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        String key = readString(in);
        int statementCount = in.readInt();
        List<CqlStatement> statements = new ArrayList<>(statementCount);
        for (int s = 0; s < statementCount; s++) {
            String cql = readString(in);
            long timestamp = in.readLong();
            CqlStatement.Nulls nulls = CqlStatement.Nulls.values()[in.readByte()];
            int valueCount = in.readInt();
            List<Object> values = new ArrayList<>(valueCount);
            for (int v = 0; v < valueCount; v++) {
                values.add(readValue(in));
            }
            statements.add(new CqlStatement(cql, values, timestamp, nulls));
        }
        return new CassandraWrite(key, statements);
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            writeString(out, text);
        } else if (value instanceof Integer number) {
            out.writeByte(INT);
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof Instant instant) {
            out.writeByte(INSTANT);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (value instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeLong(date.toEpochDay());
        } else {
            throw new IOException("unsupported CQL value type " + value.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            default -> throw new IOException("unknown CQL value tag " + tag);
        };
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
