package cloud.aleph.flink.connectors.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * Opens driver sessions from configuration. Sessions are not bound to a keyspace: every
 * statement names its keyspace, so one session serves the schema, the writers and the queries.
 */
public final class CassandraSessions {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final int ADMIN_QUIET_PERIOD_MILLIS = 100;
    private static final int ADMIN_SHUTDOWN_TIMEOUT_MILLIS = 15_000;

    private CassandraSessions() {}

    public static CqlSession open(Configuration conf) {
        return open(CassandraConnection.from(conf));
    }

    /** Connects (blocking): call it from a writer's set-up or a tool, never per record. */
    public static CqlSession open(CassandraConnection connection) {
        return builder(connection).build();
    }

    static CqlSessionBuilder builder(CassandraConnection connection) {
        ClassLoader classLoader = CassandraSessions.class.getClassLoader();
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder(classLoader)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, connection.requestTimeout())
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, CONNECT_TIMEOUT)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, CONNECT_TIMEOUT)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, CONNECT_TIMEOUT)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, CONNECT_TIMEOUT)
                // Sessions close when a sink writer closes (cancel, restart): not the default 2 s netty quiet period
                // each time. The admin group keeps a short one: with none, it terminates while the driver still
                // notifies its own close listener, which Netty logs as an ERROR ("Event loop shut down?").
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS")
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, ADMIN_QUIET_PERIOD_MILLIS)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, ADMIN_SHUTDOWN_TIMEOUT_MILLIS)
                // Quorum in the local datacenter for reads and writes: a read sees every acknowledged write.
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                .build();
        CqlSessionBuilder builder = CqlSession.builder()
                .withClassLoader(classLoader)
                .withConfigLoader(config)
                .addContactPoints(resolve(parseContactPoints(connection.contactPoints())))
                .withLocalDatacenter(connection.localDatacenter());
        if (connection.username() != null) {
            builder = builder.withAuthCredentials(connection.username(), connection.password() == null ? "" : connection.password());
        }
        return builder;
    }

    private static List<InetSocketAddress> resolve(List<InetSocketAddress> unresolved) {
        List<InetSocketAddress> resolved = new ArrayList<>(unresolved.size());
        for (InetSocketAddress address : unresolved) {
            resolved.add(new InetSocketAddress(address.getHostString(), address.getPort()));
        }
        return resolved;
    }

    /** Parses "host:port,host:port"; IPv6 hosts are written in brackets, "[::1]:9042". */
    public static List<InetSocketAddress> parseContactPoints(String contactPoints) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String part : contactPoints.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("contact point '" + entry + "' is not host:port");
            }
            String host = entry.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("contact point '" + entry + "' has no numeric port", e);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("contact point '" + entry + "' has port out of range");
            }
            addresses.add(InetSocketAddress.createUnresolved(host, port));
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no Cassandra contact points in '" + contactPoints + "'");
        }
        return addresses;
    }
}
