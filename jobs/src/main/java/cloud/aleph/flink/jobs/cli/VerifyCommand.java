package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Offline verification: the checks the verification job makes before any state is read, on JSON
 * Lines, with no server. Lines are verified in parallel batches and answered in input order; at most
 * a few batches per thread are in flight, so memory does not grow with the input.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Verify message envelopes offline, exactly as the verification job does before it touches state:",
            "JSON dialect and envelope format, content schema, item_hash, then the chain signature (every chain).",
            "Reads one envelope per line (JSON Lines) from FILE, or from standard input when FILE is absent or '-',",
            "and prints one JSON line per input line, in input order:",
            "  {\"line\": n, \"item_hash\": ..., \"verdict\": \"accepted\"|\"rejected\", \"error_code\": n, \"error_name\": ..., \"reason\": ...}",
            "item_hash is the claimed one (null when it cannot be read); error_code, error_name and reason are null",
            "for an accepted message. Error codes are the reference node's (0 INVALID_FORMAT, 1 INVALID_SIGNATURE,",
            "-1 INTERNAL_ERROR). Every input line is answered, so 'line' is the input line number: a blank line is",
            "rejected with 0, as the job rejects an empty record; a line that is not JSON is rejected with 0.",
            "Bytes are verified as read: invalid UTF-8 is rejected, and one \\r before a newline is dropped.",
            "A summary goes to standard error. Exit status: 0 when the input was read to its end (whatever the",
            "verdicts), 1 when it cannot be read, 2 for a usage error."
        })
final class VerifyCommand implements Callable<Integer> {

    /** Lines per task: enough to make the hand-off cheap next to ~50 µs of verification per line. */
    static final int BATCH_LINES = 64;

    /** Batches in flight per thread: keeps every thread busy while the output waits for the oldest. */
    private static final int BATCHES_IN_FLIGHT_PER_THREAD = 4;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-",
            description = "JSON Lines file of envelopes; '-' or absent for standard input.")
    String file;

    @Option(names = "--secp256k1", defaultValue = Secp256k1Recoveries.DEFAULT, paramLabel = "IMPL",
            description = "secp256k1 public-key recovery: native (libsecp256k1), bouncycastle (pure Java) or auto "
                    + "(native when it loads; default: ${DEFAULT-VALUE}). The job's " + Secp256k1Recoveries.CONFIG_KEY + ".")
    String secp256k1;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that verify (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    private final InputStream standardInput;

    VerifyCommand() {
        this(System.in);
    }

    /** @param standardInput what '-' reads (tests pass their own) */
    VerifyCommand(InputStream standardInput) {
        this.standardInput = standardInput;
    }

    @Override
    public Integer call() throws Exception {
        String implementation;
        try {
            implementation = Secp256k1Recoveries.requireValid(secp256k1);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--secp256k1 must be native, bouncycastle or auto, got '"
                    + secp256k1 + "'");
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        PrintWriter err = spec.commandLine().getErr();
        InputStream in;
        if ("-".equals(file)) {
            in = standardInput;
        } else {
            try {
                in = Files.newInputStream(Path.of(file));
            } catch (IOException e) {
                err.println("aleph verify: cannot read " + file + ": " + e);
                err.flush();
                return 1;
            }
        }

        // The job's own factory, and the same process-wide selector it uses to pick the recovery.
        MessageVerifier verifier = MessageVerifier.withDefaultVerifiers(implementation);
        Secp256k1Recoveries.Selection selection = Secp256k1Recoveries.shared().select(implementation);

        Counts counts;
        try (InputStream input = in) {
            counts = verifyAll(new ByteLines(input), verifier, spec.commandLine().getOut());
        } catch (IOException e) {
            err.println("aleph verify: reading " + file + " failed: " + e);
            err.flush();
            return 1;
        }
        err.println("aleph verify: " + counts.lines() + " lines, " + counts.accepted() + " accepted, "
                + (counts.lines() - counts.accepted()) + " rejected (secp256k1: " + selection.active().configValue()
                + (selection.fellBack() ? ", native unavailable: " + selection.fallbackReason() : "") + ")");
        err.flush();
        return 0;
    }

    private Counts verifyAll(ByteLines lines, MessageVerifier verifier, PrintWriter out)
            throws IOException, InterruptedException, ExecutionException {
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, new VerifierThreads());
        try {
            ArrayDeque<Future<VerifiedBatch>> inFlight = new ArrayDeque<>();
            int maxInFlight = threads * BATCHES_IN_FLIGHT_PER_THREAD;
            long lineCount = 0;
            long accepted = 0;
            List<byte[]> batch = new ArrayList<>(BATCH_LINES);
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                batch.add(line);
                lineCount++;
                // Waiting for more input (a terminal or a slow pipe): answer what has come so far first.
                boolean inputIdle = lines.wouldBlock();
                if (batch.size() == BATCH_LINES || inputIdle) {
                    inFlight.add(submit(pool, verifier, lineCount - batch.size() + 1, batch));
                    batch = new ArrayList<>(BATCH_LINES);
                }
                while (inFlight.size() > maxInFlight || (inputIdle && !inFlight.isEmpty())) {
                    accepted += write(inFlight.poll(), out);
                }
                if (inputIdle) {
                    out.flush();
                }
            }
            if (!batch.isEmpty()) {
                inFlight.add(submit(pool, verifier, lineCount - batch.size() + 1, batch));
            }
            while (!inFlight.isEmpty()) {
                accepted += write(inFlight.poll(), out);
            }
            out.flush();
            return new Counts(lineCount, accepted);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Future<VerifiedBatch> submit(
            ExecutorService pool, MessageVerifier verifier, long firstLine, List<byte[]> lines) {
        Callable<VerifiedBatch> task = () -> verify(verifier, firstLine, lines);
        if (pool == null) {
            try {
                return CompletableFuture.completedFuture(task.call());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return pool.submit(task);
    }

    private static VerifiedBatch verify(MessageVerifier verifier, long firstLine, List<byte[]> lines) {
        StringBuilder text = new StringBuilder(lines.size() * 200);
        int accepted = 0;
        for (int i = 0; i < lines.size(); i++) {
            // Partition and offset −1, time 0: the position of a record that was not read from Kafka.
            Verdict verdict = verifier.verify(new RawMessage(-1, -1L, 0L, lines.get(i)));
            if (verdict.isAccepted()) {
                accepted++;
            }
            text.append(VerdictLine.format(firstLine + i, verdict)).append('\n');
        }
        return new VerifiedBatch(text.toString(), accepted);
    }

    private static int write(Future<VerifiedBatch> pending, PrintWriter out)
            throws InterruptedException, ExecutionException {
        VerifiedBatch batch = pending.get();
        out.write(batch.text());
        return batch.accepted();
    }

    private record VerifiedBatch(String text, int accepted) {}

    private record Counts(long lines, long accepted) {}

    /** Daemon threads, so that a failure on the main thread never leaves the JVM running. */
    private static final class VerifierThreads implements java.util.concurrent.ThreadFactory {

        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "aleph-verify-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
