package cloud.aleph.flink.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Wraps a source so that its job fails once in the middle of a stream: a reader throws after it
 * has emitted {@code recordsAfterCheckpoint} records past the first checkpoint it is told about,
 * so the job has a checkpoint to restart from and records after it to replay. A marker file,
 * created atomically by the failing reader, keeps every later attempt from failing again.
 *
 * <p>A reader of the Kafka source emits one record per {@code pollNext} call that returns
 * {@link InputStatus#MORE_AVAILABLE}, so those calls are what is counted.
 */
final class NetworkFailOnceSource<T, SplitT extends SourceSplit, EnumChkT>
        implements Source<T, SplitT, EnumChkT>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final Source<T, SplitT, EnumChkT> delegate;
    private final String marker;
    private final int recordsAfterCheckpoint;

    private NetworkFailOnceSource(Source<T, SplitT, EnumChkT> delegate, Path marker, int recordsAfterCheckpoint) {
        this.delegate = delegate;
        this.marker = marker.toString();
        this.recordsAfterCheckpoint = recordsAfterCheckpoint;
    }

    /**
     * @param marker file created when the failure is thrown; must not exist yet
     * @param recordsAfterCheckpoint records emitted after the first completed checkpoint before the failure
     */
    static <T, S extends SourceSplit, E> Source<T, S, E> wrap(Source<T, S, E> source, Path marker, int recordsAfterCheckpoint) {
        if (!(source instanceof ResultTypeQueryable)) {
            throw new IllegalArgumentException("the wrapped source must tell its produced type");
        }
        if (Files.exists(marker)) {
            throw new IllegalArgumentException(marker + " exists: the failure would never be thrown");
        }
        return new NetworkFailOnceSource<>(source, marker, recordsAfterCheckpoint);
    }

    @Override
    public Boundedness getBoundedness() {
        return delegate.getBoundedness();
    }

    @Override
    public SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception {
        return new Reader(delegate.createReader(context));
    }

    @Override
    public SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> context) throws Exception {
        return delegate.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> context, EnumChkT checkpoint)
            throws Exception {
        return delegate.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SplitT> getSplitSerializer() {
        return delegate.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer() {
        return delegate.getEnumeratorCheckpointSerializer();
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getProducedType() {
        return ((ResultTypeQueryable<T>) delegate).getProducedType();
    }

    /** The wrapped reader, counting the records it emits after its first completed checkpoint. */
    private final class Reader implements SourceReader<T, SplitT> {

        private final SourceReader<T, SplitT> reader;
        private boolean checkpointed;
        private boolean done;
        private int emittedSinceCheckpoint;

        Reader(SourceReader<T, SplitT> reader) {
            this.reader = reader;
        }

        @Override
        public void start() {
            reader.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
            if (!done && checkpointed && emittedSinceCheckpoint >= recordsAfterCheckpoint) {
                done = true;
                if (claimTheFailure()) {
                    throw new NetworkInjectedFailure("source failure after " + emittedSinceCheckpoint
                            + " records past a completed checkpoint");
                }
            }
            InputStatus status = reader.pollNext(output);
            if (checkpointed && status == InputStatus.MORE_AVAILABLE) {
                emittedSinceCheckpoint++;
            }
            return status;
        }

        /** True for the one reader, in the one attempt, that creates the marker. */
        private boolean claimTheFailure() {
            try {
                Files.createFile(Path.of(marker));
                return true;
            } catch (FileAlreadyExistsException alreadyFailed) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<SplitT> snapshotState(long checkpointId) {
            return reader.snapshotState(checkpointId);
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return reader.isAvailable();
        }

        @Override
        public void addSplits(List<SplitT> splits) {
            reader.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            reader.notifyNoMoreSplits();
        }

        @Override
        public void handleSourceEvents(SourceEvent sourceEvent) {
            reader.handleSourceEvents(sourceEvent);
        }

        @Override
        public void pauseOrResumeSplits(Collection<String> toPause, Collection<String> toResume) {
            reader.pauseOrResumeSplits(toPause, toResume);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            reader.notifyCheckpointComplete(checkpointId);
            checkpointed = true;
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            reader.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }
    }
}
