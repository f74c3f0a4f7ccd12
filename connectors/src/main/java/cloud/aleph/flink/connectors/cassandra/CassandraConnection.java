package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.CassandraOptions;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/**
 * How to reach Cassandra, in a form that travels with a serialized sink to the task managers.
 *
 * @param contactPoints "host:port,host:port"
 * @param localDatacenter the driver's local datacenter
 * @param username user for password authentication, or null
 * @param password password, or null
 * @param requestTimeout driver timeout of one statement
 */
public record CassandraConnection(
        String contactPoints, String localDatacenter, String username, String password, Duration requestTimeout)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static CassandraConnection from(Configuration conf) {
        return new CassandraConnection(
                CassandraOptions.contactPoints(conf),
                conf.get(CassandraOptions.LOCAL_DATACENTER),
                CassandraOptions.username(conf).orElse(null),
                conf.getOptional(CassandraOptions.PASSWORD).orElse(null),
                conf.get(CassandraOptions.REQUEST_TIMEOUT));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "CassandraConnection[contactPoints=" + contactPoints + ", localDatacenter=" + localDatacenter
                + ", username=" + username + ", requestTimeout=" + requestTimeout + "]";
    }
}
