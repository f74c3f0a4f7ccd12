package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.model.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * A CCN's verdicts passed through unchanged, except that its job fails once in the middle of the
 * stream: after {@code verdictsAfterCheckpoint} verdicts past the first checkpoint it is told
 * about. A marker file, created atomically, keeps every later attempt from failing again.
 */
final class NetworkFailOnceVerdicts extends RichMapFunction<Verdict, Verdict> implements CheckpointListener {

    private static final long serialVersionUID = 1L;

    private final String marker;
    private final int verdictsAfterCheckpoint;

    private transient boolean checkpointed;
    private transient boolean done;
    private transient int seenSinceCheckpoint;

    /**
     * @param marker file created when the failure is thrown; must not exist yet
     * @param verdictsAfterCheckpoint verdicts passed on after the first completed checkpoint before the failure
     */
    NetworkFailOnceVerdicts(Path marker, int verdictsAfterCheckpoint) {
        if (Files.exists(marker)) {
            throw new IllegalArgumentException(marker + " exists: the failure would never be thrown");
        }
        this.marker = marker.toString();
        this.verdictsAfterCheckpoint = verdictsAfterCheckpoint;
    }

    @Override
    public Verdict map(Verdict verdict) {
        if (!done && checkpointed && seenSinceCheckpoint++ >= verdictsAfterCheckpoint) {
            done = true;
            try {
                Files.createFile(Path.of(marker));
            } catch (FileAlreadyExistsException alreadyFailed) {
                return verdict;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new FailingSource.InjectedFailure("CCN failure after " + verdictsAfterCheckpoint
                    + " verdicts past a completed checkpoint");
        }
        return verdict;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
