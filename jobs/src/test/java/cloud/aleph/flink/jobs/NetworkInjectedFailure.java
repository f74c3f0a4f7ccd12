package cloud.aleph.flink.jobs;

/** A failure a consensus test throws on purpose; its type tells it apart from a real one in the logs. */
final class NetworkInjectedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NetworkInjectedFailure(String message) {
        super(message);
    }
}
