package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.sink.WriterLimits;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.ConsensusNote;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.FinalEpoch;
import cloud.aleph.flink.operators.model.ForgottenRecord;
import cloud.aleph.flink.operators.model.MessageRowChange;
import cloud.aleph.flink.operators.model.StateRowChange;
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
 * Writes stream elements to Cassandra through the driver's async API (Sink V2,
 * {@link org.apache.flink.connector.base.sink.writer.AsyncSinkWriter}). Elements become
 * {@link CassandraWrite}s via a {@link CassandraRowMapper}; writes are buffered, sent in batches
 * of concurrent idempotent statements with a bounded number of batches in flight, retried on
 * transient failures, and drained before every checkpoint completes (at-least-once; idempotent
 * upserts make it effectively exactly-once). What is still buffered at a checkpoint is stored in
 * the checkpoint.
 */
public final class CassandraSink<T> extends AsyncSinkBase<T, CassandraWrite> {

    private static final long serialVersionUID = 1L;

    // Generous: a write is a handful of rows, the largest being a rejected input of 64 Ki chars.
    static final long MAX_RECORD_SIZE_BYTES = 8L * 1024 * 1024;
    static final long MAX_BATCH_SIZE_BYTES = 16L * 1024 * 1024;

    private final CassandraConnection connection;

    public CassandraSink(CassandraConnection connection, CassandraRowMapper<T> mapper, WriterLimits limits) {
        super(
                converter(mapper),
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

    /** A sink with the connection and limits of {@code conf} (see {@link CassandraOptions}). */
    public static <T> CassandraSink<T> create(Configuration conf, CassandraRowMapper<T> mapper) {
        return new CassandraSink<>(CassandraConnection.from(conf), mapper, limits(conf));
    }

    /** Accepted messages into {@code messages} and {@code messages_by_sender}. */
    public static CassandraSink<MessageRowChange> messages(Configuration conf) {
        return create(conf, new MessageRows(CassandraOptions.keyspace(conf)));
    }

    /** Status changes into {@code message_status}, newest version wins. */
    public static CassandraSink<StatusUpdate> statuses(Configuration conf) {
        return create(conf, new StatusRows(CassandraOptions.keyspace(conf)));
    }

    /** Rejections into {@code rejected_messages}, {@code rejections_by_day}, {@code rejections_by_item_hash}. */
    public static CassandraSink<StateRowChange> stateRows(Configuration conf) {
        return create(conf, new StateRowsMapper(CassandraOptions.keyspace(conf)));
    }

    public static CassandraSink<ForgottenRecord> forgotten(Configuration conf) {
        return create(conf, new ForgottenRows(CassandraOptions.keyspace(conf)));
    }

    public static CassandraSink<FinalEpoch> epochs(Configuration conf) {
        return create(conf, ConsensusRows.epochs(CassandraOptions.keyspace(conf)));
    }

    public static CassandraSink<EpochDigest> epochSignatures(Configuration conf) {
        return create(conf, ConsensusRows.signatures(CassandraOptions.keyspace(conf)));
    }

    public static CassandraSink<ConsensusNote> consensusNotes(Configuration conf) {
        return create(conf, ConsensusRows.notes(CassandraOptions.keyspace(conf)));
    }

    public static CassandraSink<Rejection> rejections(Configuration conf) {
        return create(conf, new RejectionRows(CassandraOptions.keyspace(conf)));
    }

    static WriterLimits limits(Configuration conf) {
        long driverTimeoutMs = conf.get(CassandraOptions.REQUEST_TIMEOUT).toMillis();
        return new WriterLimits(
                conf.get(CassandraOptions.MAX_BATCH_SIZE),
                conf.get(CassandraOptions.MAX_IN_FLIGHT_REQUESTS),
                conf.get(CassandraOptions.MAX_BUFFERED_REQUESTS),
                MAX_BATCH_SIZE_BYTES,
                conf.get(CassandraOptions.MAX_TIME_IN_BUFFER).toMillis(),
                MAX_RECORD_SIZE_BYTES,
                // A batch waits for its slowest statement (prepare + execute); past this it is sent again.
                3 * driverTimeoutMs + 1_000);
    }

    private static <T> ElementConverter<T, CassandraWrite> converter(CassandraRowMapper<T> mapper) {
        return (element, context) -> mapper.toWrite(element);
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<CassandraWrite>> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<CassandraWrite>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<CassandraWrite>> recoveredState) {
        return new CassandraSinkWriter<>(
                getElementConverter(),
                context,
                getMaxBatchSize(),
                getMaxInFlightRequests(),
                getMaxBufferedRequests(),
                getMaxBatchSizeInBytes(),
                getMaxTimeInBufferMS(),
                getMaxRecordSizeInBytes(),
                getRequestTimeoutMS(),
                connection,
                recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<CassandraWrite>> getWriterStateSerializer() {
        return new CassandraWriteSerializer();
    }
}
