package cloud.aleph.flink.connectors.s3;

import cloud.aleph.flink.connectors.sink.BatchOutcome;
import cloud.aleph.flink.connectors.sink.BatchSender;
import cloud.aleph.flink.connectors.sink.SinkMetrics;
import cloud.aleph.flink.connectors.sink.WriterLimits;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The writer of {@link ObjectStoreSink}: one async MinIO client per writer, one PUT per object. */
final class ObjectStoreSinkWriter extends AsyncSinkWriter<StoredObject, StoredObject> {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreSinkWriter.class);

    private final MinioAsyncClient client;
    private final String bucket;
    private final BatchSender<StoredObject> sender;
    private final MailboxExecutor mailbox;
    private final Counter numRecordsSendErrors;
    private final Counter numRecordsRetried;

    ObjectStoreSinkWriter(
            ElementConverter<StoredObject, StoredObject> elementConverter,
            WriterInitContext context,
            WriterLimits limits,
            ObjectStoreConnection connection,
            Collection<BufferedRequestState<StoredObject>> states) {
        super(
                elementConverter,
                context,
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(limits.maxBatchSize())
                        .setMaxBatchSizeInBytes(limits.maxBatchSizeInBytes())
                        .setMaxInFlightRequests(limits.maxInFlightRequests())
                        .setMaxBufferedRequests(limits.maxBufferedRequests())
                        .setMaxTimeInBufferMS(limits.maxTimeInBufferMs())
                        .setMaxRecordSizeInBytes(limits.maxRecordSizeInBytes())
                        .setRequestTimeoutMS(limits.requestTimeoutMs())
                        .setFailOnTimeout(false)
                        .build(),
                states,
                new SimpleBatchCreator<>(limits.maxBatchSizeInBytes()),
                new DequeRequestBuffer<>());
        this.bucket = connection.bucket();
        this.mailbox = context.getMailboxExecutor();
        this.numRecordsSendErrors = context.metricGroup().getNumRecordsSendErrorsCounter();
        this.numRecordsRetried = context.metricGroup().counter(SinkMetrics.RECORDS_RETRIED);
        this.sender = new BatchSender<>(this::put, new ObjectStoreFailureClassifier(), StoredObject::key);
        this.client = ObjectStoreClients.async(connection);
    }

    @Override
    protected void submitRequestEntries(List<StoredObject> objects, ResultHandler<StoredObject> handler) {
        sender.sendAll(objects).whenComplete((outcome, error) -> {
            if (error != null) {
                handler.completeExceptionally(new IllegalStateException("object store batch bookkeeping failed", error));
                return;
            }
            record(outcome);
            outcome.reportTo(handler);
        });
    }

    private void record(BatchOutcome<StoredObject> outcome) {
        if (outcome.succeeded()) {
            return;
        }
        int failed = outcome.failedEntries();
        int retried = outcome.toRetry().size();
        if (outcome.fatal() == null) {
            LOG.warn("object store sink: {} uploads failed and will be retried", retried);
        }
        mailbox.execute(
                () -> {
                    numRecordsSendErrors.inc(failed);
                    numRecordsRetried.inc(retried);
                },
                "count failed object uploads");
    }

    private CompletionStage<?> put(StoredObject object) {
        try {
            return client.putObject(PutObjectArgs.builder()
                    .bucket(bucket)
                    .object(object.key())
                    .stream(new ByteArrayInputStream(object.bytes()), object.bytes().length, -1)
                    .contentType(object.contentType())
                    .build());
        } catch (Exception e) {
            // putObject declares checked exceptions for request building; surface them through the future path.
            throw new IllegalStateException("could not start upload of " + object.key(), e);
        }
    }

    @Override
    protected long getSizeInBytes(StoredObject object) {
        return object.bytes().length;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            LOG.warn("closing the object store client failed", e);
        } finally {
            super.close();
        }
    }
}
