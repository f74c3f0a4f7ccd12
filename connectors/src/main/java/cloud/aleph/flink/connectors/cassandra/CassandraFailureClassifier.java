package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.sink.FailureClassifier;
import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import java.util.List;

/**
 * Retryable: timeouts, too few live replicas, overload, a node still starting, lost or busy
 * connections, and "all nodes failed" when every node failed that way (or none was available). Every other failure is
 * fatal: invalid statements, unknown tables, authentication and authorisation, codec errors,
 * write failures reported by replicas. Retrying is safe because every statement is an
 * idempotent upsert.
 */
public final class CassandraFailureClassifier implements FailureClassifier {

    private static final long serialVersionUID = 1L;

    private static final List<Class<? extends Throwable>> RETRYABLE = List.of(
            DriverTimeoutException.class,
            WriteTimeoutException.class,
            ReadTimeoutException.class,
            UnavailableException.class,
            OverloadedException.class,
            BootstrappingException.class,
            ServerError.class,
            BusyConnectionException.class,
            ClosedConnectionException.class,
            HeartbeatException.class,
            ConnectionInitException.class,
            NodeUnavailableException.class,
            RequestThrottlingException.class);

    @Override
    public boolean isRetryable(Throwable error) {
        Throwable cause = FailureClassifier.unwrap(error);
        if (cause instanceof AllNodesFailedException allFailed) {
            return allFailed.getAllErrors().values().stream()
                    .flatMap(List::stream)
                    .allMatch(this::isRetryable);
        }
        for (Class<? extends Throwable> type : RETRYABLE) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
