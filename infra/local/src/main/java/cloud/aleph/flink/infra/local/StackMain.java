package cloud.aleph.flink.infra.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the embedded stack until this JVM is stopped (Ctrl-C, SIGTERM or kill): prints the
 * endpoints, which are also in {@code <dataDir>/stack.properties}.
 *
 * <p>Usage: {@code StackMain <dataDir>}.
 */
public final class StackMain {

    private StackMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: StackMain <dataDir>");
            System.exit(2);
        }
        // Stack.start registers the shutdown hook that stops the servers on Ctrl-C.
        Stack stack = Stack.start(Path.of(args[0]));
        for (Map.Entry<String, String> endpoint : stack.endpoints().entrySet()) {
            if (!endpoint.getKey().equals(Stack.S3_SECRET_KEY)) {
                System.out.println(endpoint.getKey() + "=" + endpoint.getValue());
            }
        }
        System.out.println("aleph-stack: running; the S3 secret key is in "
                + stack.dataDir().resolve("stack.properties") + "; stop with Ctrl-C");
        Thread.currentThread().join();
    }
}
