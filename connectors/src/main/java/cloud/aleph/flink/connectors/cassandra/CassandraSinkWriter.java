package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.sink.BatchOutcome;
import cloud.aleph.flink.connectors.sink.BatchSender;
import cloud.aleph.flink.connectors.sink.SinkMetrics;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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

/**
 * The writer of {@link CassandraSink}: owns one driver session (opened here, closed in
 * {@link #close()}), prepares each distinct statement text once, and runs every statement of a
 * batch with {@code executeAsync}. Nothing blocks the task thread except the session set-up.
 */
final class CassandraSinkWriter<T> extends AsyncSinkWriter<T, CassandraWrite> {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraSinkWriter.class);

    private final CqlSession session;
    private final ConcurrentMap<String, CompletableFuture<PreparedStatement>> prepared = new ConcurrentHashMap<>();
    private final BatchSender<CassandraWrite> sender;
    private final MailboxExecutor mailbox;
    private final Counter numRecordsSendErrors;
    private final Counter numRecordsRetried;

    CassandraSinkWriter(
            ElementConverter<T, CassandraWrite> elementConverter,
            WriterInitContext context,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMs,
            long maxRecordSizeInBytes,
            long requestTimeoutMs,
            CassandraConnection connection,
            Collection<BufferedRequestState<CassandraWrite>> states) {
        super(
                elementConverter,
                context,
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(maxBatchSize)
                        .setMaxBatchSizeInBytes(maxBatchSizeInBytes)
                        .setMaxInFlightRequests(maxInFlightRequests)
                        .setMaxBufferedRequests(maxBufferedRequests)
                        .setMaxTimeInBufferMS(maxTimeInBufferMs)
                        .setMaxRecordSizeInBytes(maxRecordSizeInBytes)
                        .setRequestTimeoutMS(requestTimeoutMs)
                        .setFailOnTimeout(false)
                        .build(),
                states,
                new SimpleBatchCreator<>(maxBatchSizeInBytes),
                new DequeRequestBuffer<>());
        this.mailbox = context.getMailboxExecutor();
        this.numRecordsSendErrors = context.metricGroup().getNumRecordsSendErrorsCounter();
        this.numRecordsRetried = context.metricGroup().counter(SinkMetrics.RECORDS_RETRIED);
        this.sender = new BatchSender<>(this::send, new CassandraFailureClassifier(), CassandraWrite::key);
        this.session = CassandraSessions.open(connection);
    }

    @Override
    protected void submitRequestEntries(List<CassandraWrite> entries, ResultHandler<CassandraWrite> handler) {
        sender.sendAll(entries).whenComplete((outcome, error) -> {
            if (error != null) {
                handler.completeExceptionally(new IllegalStateException("Cassandra batch bookkeeping failed", error));
                return;
            }
            record(outcome);
            outcome.reportTo(handler);
        });
    }

    /** Counters are updated on the task thread; driver callbacks run on the driver's threads. */
    private void record(BatchOutcome<CassandraWrite> outcome) {
        if (outcome.succeeded()) {
            return;
        }
        int failed = outcome.failedEntries();
        int retried = outcome.toRetry().size();
        if (outcome.fatal() == null) {
            LOG.warn("Cassandra sink: {} writes failed and will be retried", retried);
        }
        mailbox.execute(
                () -> {
                    numRecordsSendErrors.inc(failed);
                    numRecordsRetried.inc(retried);
                },
                "count failed Cassandra writes");
    }

    private CompletionStage<?> send(CassandraWrite write) {
        CompletableFuture<?>[] statements = write.statements().stream()
                .map(this::execute)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(statements);
    }

    private CompletableFuture<?> execute(CqlStatement statement) {
        return prepare(statement.cql())
                .thenCompose(preparedStatement -> session.executeAsync(bind(preparedStatement, statement)));
    }

    private CompletableFuture<PreparedStatement> prepare(String cql) {
        CompletableFuture<PreparedStatement> future = prepared.computeIfAbsent(cql, text -> session
                .prepareAsync(SimpleStatement.builder(text).setIdempotence(true).build())
                .toCompletableFuture());
        // A failed preparation is not cached: the retry prepares again.
        future.whenComplete((ignored, error) -> {
            if (error != null) {
                prepared.remove(cql, future);
            }
        });
        return future;
    }

    static BoundStatement bind(PreparedStatement preparedStatement, CqlStatement statement) {
        BoundStatementBuilder builder = preparedStatement.boundStatementBuilder();
        List<Object> values = statement.values();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value != null) {
                builder = setValue(builder, i, value);
            } else if (statement.nulls() == CqlStatement.Nulls.WRITE_NULL) {
                builder = builder.setToNull(i);
            }
            // else: left unset, the column is not touched.
        }
        builder = builder.setIdempotence(true);
        if (statement.hasWriteTimestamp()) {
            builder = builder.setQueryTimestamp(statement.writeTimestampMicros());
        }
        return builder.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BoundStatementBuilder setValue(BoundStatementBuilder builder, int index, Object value) {
        return builder.set(index, value, (Class) value.getClass());
    }

    @Override
    protected long getSizeInBytes(CassandraWrite write) {
        return write.sizeInBytes();
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            super.close();
        }
    }
}
