package cloud.aleph.flink.connectors.s3;

import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.connectors.sink.WriterLimits;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Puts {@link StoredObject}s into the object store (Sink V2 on
 * {@link org.apache.flink.connector.base.sink.writer.AsyncSinkWriter}, MinIO's async client).
 * Every object is checked against its content-addressed key before it is buffered, and a
 * mismatch fails the job ({@link ContentHashMismatchException}). Uploads are idempotent (same key,
 * same bytes), batched with a bounded number in flight, retried on transient failures and
 * finished before a checkpoint completes.
 */
public final class ObjectStoreSink extends AsyncSinkBase<StoredObject, StoredObject> {

    private static final long serialVersionUID = 1L;

    private final ObjectStoreConnection connection;

    public ObjectStoreSink(ObjectStoreConnection connection, WriterLimits limits) {
        super(
                verifyingConverter(),
                limits.maxBatchSize(),
                limits.maxInFlightRequests(),
                limits.maxBufferedRequests(),
                limits.maxBatchSizeInBytes(),
                limits.maxTimeInBufferMs(),
                limits.maxRecordSizeInBytes(),
                limits.requestTimeoutMs(),
                false);
        this.connection = connection;
    }

    /** A sink with the connection and limits of {@code conf} (see {@link ObjectStoreOptions}). */
    public static ObjectStoreSink create(Configuration conf) {
        return new ObjectStoreSink(ObjectStoreConnection.from(conf), limits(conf));
    }

    static WriterLimits limits(Configuration conf) {
        long maxObjectBytes = conf.get(ObjectStoreOptions.MAX_OBJECT_SIZE).getBytes();
        int maxBatchSize = conf.get(ObjectStoreOptions.MAX_BATCH_SIZE);
        return new WriterLimits(
                maxBatchSize,
                conf.get(ObjectStoreOptions.MAX_IN_FLIGHT_REQUESTS),
                conf.get(ObjectStoreOptions.MAX_BUFFERED_REQUESTS),
                maxObjectBytes * maxBatchSize,
                conf.get(ObjectStoreOptions.MAX_TIME_IN_BUFFER).toMillis(),
                maxObjectBytes,
                conf.get(ObjectStoreOptions.REQUEST_TIMEOUT).toMillis());
    }

    private static ElementConverter<StoredObject, StoredObject> verifyingConverter() {
        return (object, context) -> {
            ObjectKeys.verify(object);
            return object;
        };
    }

    @Override
    public StatefulSinkWriter<StoredObject, BufferedRequestState<StoredObject>> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<StoredObject, BufferedRequestState<StoredObject>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<StoredObject>> recoveredState) {
        return new ObjectStoreSinkWriter(
                getElementConverter(),
                context,
                new WriterLimits(
                        getMaxBatchSize(),
                        getMaxInFlightRequests(),
                        getMaxBufferedRequests(),
                        getMaxBatchSizeInBytes(),
                        getMaxTimeInBufferMS(),
                        getMaxRecordSizeInBytes(),
                        getRequestTimeoutMS()),
                connection,
                recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<StoredObject>> getWriterStateSerializer() {
        return new StoredObjectSerializer();
    }
}
