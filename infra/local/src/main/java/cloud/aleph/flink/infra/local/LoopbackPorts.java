package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;

/** Free TCP ports on the loopback address, where every server of the stack listens. */
final class LoopbackPorts {

    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {}

    static InetAddress loopback() {
        try {
            return InetAddress.getByName(HOST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a server could bind the port now (with SO_REUSEADDR, as the servers do). */
    static boolean isFree(int port) {
        if (port <= 0 || port > 65_535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port the system reports free, not in {@code taken}. */
    static int allocate(Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(loopback(), 0));
                int port = socket.getLocalPort();
                if (!taken.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new StackException("cannot allocate a free loopback port", e);
            }
        }
        throw new StackException("cannot allocate a free loopback port outside " + taken);
    }

    /** True when something accepts TCP connections on the port. */
    static boolean accepts(int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback(), port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
