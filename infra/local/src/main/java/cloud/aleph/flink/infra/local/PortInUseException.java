package cloud.aleph.flink.infra.local;

/** A server could not bind its port: another process took it between the port check and the bind. */
final class PortInUseException extends StackException {

    private static final long serialVersionUID = 1L;

    PortInUseException(String message) {
        super(message);
    }
}
