package cloud.aleph.flink.connectors.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.internal.core.metadata.DefaultEndPoint;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CassandraFailureClassifierTest {

    private final CassandraFailureClassifier classifier = new CassandraFailureClassifier();
    private static final ConsistencyLevel QUORUM = DefaultConsistencyLevel.LOCAL_QUORUM;
    /** A stand-in node: the classifier only reads the errors, never the node. */
    private static final Node NODE = (Node) Proxy.newProxyInstance(Node.class.getClassLoader(), new Class<?>[] {Node.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "toString" -> "node-1";
                case "hashCode" -> 1;
                case "equals" -> proxy == args[0];
                default -> null;
            });
    private static final EndPoint ENDPOINT = new DefaultEndPoint(new InetSocketAddress("127.0.0.1", 9042));

    @Test
    void transientFailuresAreRetried() {
        assertThat(classifier.isRetryable(new DriverTimeoutException("client timeout"))).isTrue();
        assertThat(classifier.isRetryable(new WriteTimeoutException(null, QUORUM, 1, 2, DefaultWriteType.SIMPLE))).isTrue();
        assertThat(classifier.isRetryable(new UnavailableException(null, QUORUM, 2, 1))).isTrue();
        assertThat(classifier.isRetryable(new OverloadedException(null))).isTrue();
        assertThat(classifier.isRetryable(new NoNodeAvailableException())).isTrue();
        assertThat(classifier.isRetryable(new CompletionException(new DriverTimeoutException("wrapped")))).isTrue();
    }

    @Test
    void invalidStatementsAndAuthenticationAreFatal() {
        assertThat(classifier.isRetryable(new InvalidQueryException(null, "unconfigured table messages"))).isFalse();
        assertThat(classifier.isRetryable(new SyntaxError(null, "line 1"))).isFalse();
        assertThat(classifier.isRetryable(new AuthenticationException(ENDPOINT, "bad"))).isFalse();
        assertThat(classifier.isRetryable(new WriteFailureException(null, QUORUM, 0, 1, DefaultWriteType.SIMPLE, 1, Map.of())))
                .isFalse();
        assertThat(classifier.isRetryable(new IllegalStateException("Session is closed"))).isFalse();
    }

    @Test
    void allNodesFailedIsRetriedOnlyWhenEveryNodeFailedTransiently() {
        AllNodesFailedException transientEverywhere = AllNodesFailedException.fromErrors(List.<Map.Entry<Node, Throwable>>of(
                new AbstractMap.SimpleEntry<>(NODE, new OverloadedException(null))));
        AllNodesFailedException oneFatal = AllNodesFailedException.fromErrors(List.<Map.Entry<Node, Throwable>>of(
                new AbstractMap.SimpleEntry<>(NODE, new OverloadedException(null)),
                new AbstractMap.SimpleEntry<>(NODE, new AuthenticationException(ENDPOINT, "no"))));

        assertThat(classifier.isRetryable(transientEverywhere)).isTrue();
        assertThat(classifier.isRetryable(oneFatal)).isFalse();
    }
}
