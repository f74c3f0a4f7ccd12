package cloud.aleph.flink.jobs;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polling until a condition holds, with the last reason it did not as the failure message. */
final class NetworkAwait {

    private static final Duration POLL = Duration.ofMillis(250);

    private NetworkAwait() {}

    /**
     * @param missing returns null once the condition holds, else what is still missing
     */
    static void until(Duration timeout, Callable<String> missing) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String reason;
            try {
                reason = missing.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                reason = "check failed: " + e;
            }
            if (reason == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + reason);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
