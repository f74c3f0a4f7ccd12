package cloud.aleph.flink.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Wraps a source so that the job fails at chosen points, mid-stream, each point once: the k-th
 * failure is thrown by a reader on the {@code recordsAfterCheckpoint[k]}-th record it emits after
 * the first checkpoint completed in its attempt, so there is a checkpoint to restart from and
 * processed records after it to replay. Everything else is the wrapped source's.
 *
 * <p>A marker file per failure, created atomically by the failing reader, keeps the other readers
 * and every later attempt from throwing it again. A reader only aims at the failure after those
 * whose markers exist when it is created, so one attempt ends with at most one injected failure,
 * and the job restarts exactly once per failure.
 */
final class FailingSource<T, SplitT extends SourceSplit, EnumChkT>
        implements Source<T, SplitT, EnumChkT>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    /** The failure thrown; its type tells it apart from a real one in the logs. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    private final Source<T, SplitT, EnumChkT> delegate;
    private final String markerDir;
    private final int[] recordsAfterCheckpoint;

    private FailingSource(Source<T, SplitT, EnumChkT> delegate, Path markerDir, int[] recordsAfterCheckpoint) {
        this.delegate = delegate;
        this.markerDir = markerDir.toString();
        this.recordsAfterCheckpoint = recordsAfterCheckpoint.clone();
    }

    /**
     * @param markerDir directory of the marker files, created if missing; must hold no marker yet
     * @param recordsAfterCheckpoint for each failure in turn, the records a reader emits after the first
     *     completed checkpoint of its attempt before it throws it
     */
    static <T, S extends SourceSplit, E> Source<T, S, E> wrap(Source<T, S, E> source, Path markerDir,
            int... recordsAfterCheckpoint) {
        if (!(source instanceof ResultTypeQueryable)) {
            throw new IllegalArgumentException("the wrapped source must tell its produced type");
        }
        try {
            Files.createDirectories(markerDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FailingSource<>(source, markerDir, recordsAfterCheckpoint);
    }

    /** The marker of the {@code index}-th failure (from 0): it exists once that failure was thrown. */
    static Path marker(Path markerDir, int index) {
        return markerDir.resolve("failure-" + index);
    }

    /** How many of the failures were thrown so far. */
    static int thrown(Path markerDir, int failures) {
        int thrown = 0;
        for (int i = 0; i < failures; i++) {
            if (Files.exists(marker(markerDir, i))) {
                thrown++;
            }
        }
        return thrown;
    }

    @Override
    public Boundedness getBoundedness() {
        return delegate.getBoundedness();
    }

    @Override
    public SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception {
        return new Reader(delegate.createReader(context), thrown(Path.of(markerDir), recordsAfterCheckpoint.length));
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

    /** The wrapped reader, counting what it emits. */
    @SuppressWarnings("try") // close() throws what SourceReader.close() declares
    private final class Reader implements SourceReader<T, SplitT> {

        private final SourceReader<T, SplitT> reader;
        /** The failure this reader may throw: the first one not thrown when it was created. */
        private final int failure;
        private boolean checkpointed;
        private boolean done;
        private int seen;

        Reader(SourceReader<T, SplitT> reader, int failure) {
            this.reader = reader;
            this.failure = failure;
            this.done = failure >= recordsAfterCheckpoint.length;
        }

        void beforeRecord() {
            if (checkpointed && !done && ++seen >= recordsAfterCheckpoint[failure]) {
                done = true;
                try {
                    Files.createFile(marker(Path.of(markerDir), failure));
                } catch (FileAlreadyExistsException anotherReaderThrewIt) {
                    return;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new InjectedFailure("injected failure " + (failure + 1) + " of " + recordsAfterCheckpoint.length
                        + ", after " + seen + " records past a completed checkpoint");
            }
        }

        @Override
        public void start() {
            reader.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
            return reader.pollNext(new CountingReaderOutput(output));
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
        public void pauseOrResumeSplits(java.util.Collection<String> toPause, java.util.Collection<String> toResume) {
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

        /** Counts what goes through the reader's output and through the outputs it creates per split. */
        private final class CountingReaderOutput extends CountingSourceOutput implements ReaderOutput<T> {

            private final ReaderOutput<T> readerOutput;

            CountingReaderOutput(ReaderOutput<T> output) {
                super(output);
                this.readerOutput = output;
            }

            @Override
            public SourceOutput<T> createOutputForSplit(String splitId) {
                return new CountingSourceOutput(readerOutput.createOutputForSplit(splitId));
            }

            @Override
            public void releaseOutputForSplit(String splitId) {
                readerOutput.releaseOutputForSplit(splitId);
            }
        }

        private class CountingSourceOutput implements SourceOutput<T> {

            private final SourceOutput<T> output;

            CountingSourceOutput(SourceOutput<T> output) {
                this.output = output;
            }

            @Override
            public void collect(T record) {
                beforeRecord();
                output.collect(record);
            }

            @Override
            public void collect(T record, long timestamp) {
                beforeRecord();
                output.collect(record, timestamp);
            }

            @Override
            public void emitWatermark(Watermark watermark) {
                output.emitWatermark(watermark);
            }

            @Override
            public void markIdle() {
                output.markIdle();
            }

            @Override
            public void markActive() {
                output.markActive();
            }
        }
    }
}
