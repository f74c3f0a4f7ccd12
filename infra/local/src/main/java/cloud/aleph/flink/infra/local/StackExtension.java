package cloud.aleph.flink.infra.local;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests the embedded {@link Stack}: started once per test JVM, on first
 * use, and closed when the whole test run ends (passed or failed). Test methods, lifecycle methods
 * and constructors may take a {@code Stack} parameter.
 *
 * <p>The data directory is {@code target/aleph-stack-<timestamp>} of the module under test, or the
 * directory in the system property {@value #DIR_PROPERTY}.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    /** System property naming the stack's data directory. */
    public static final String DIR_PROPERTY = "aleph.stack.dir";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StackExtension.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return stack(extensionContext);
    }

    /** The stack of this test run, started on first call. */
    public static Stack stack(ExtensionContext context) {
        // The root store lives for the whole run and closes its AutoCloseable values at the end.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(StackHolder.class, key -> new StackHolder(Stack.start(dataDir())),
                        StackHolder.class)
                .stack();
    }

    static Path dataDir() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Surefire and failsafe set basedir to the module directory; elsewhere the working directory is used.
        String moduleDir = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(moduleDir, "target", "aleph-stack-" + LocalDateTime.now().format(TIMESTAMP));
    }

    /** Closes the stack when JUnit closes the root store. */
    private record StackHolder(Stack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
