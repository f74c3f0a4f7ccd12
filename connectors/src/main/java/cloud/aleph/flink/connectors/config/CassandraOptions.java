package cloud.aleph.flink.connectors.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/** Cassandra settings: where the cluster is, the keyspace, and the limits of the async writers. */
public final class CassandraOptions {

    public static final ConfigOption<String> CONTACT_POINTS = ConfigOptions.key("aleph.cassandra.contact-points")
            .stringType()
            .noDefaultValue()
            .withDescription("Cassandra contact points, \"host:port,host:port\" (native protocol port). Required.");

    public static final ConfigOption<String> LOCAL_DATACENTER = ConfigOptions.key("aleph.cassandra.local-datacenter")
            .stringType()
            .defaultValue("datacenter1")
            .withDescription("Local datacenter of the driver's load balancing policy.");

    public static final ConfigOption<String> KEYSPACE = ConfigOptions.key("aleph.cassandra.keyspace")
            .stringType()
            .defaultValue("aleph")
            .withDescription("Keyspace holding the agreed state (letters, digits and underscores, at most 48).");

    public static final ConfigOption<Integer> REPLICATION_FACTOR = ConfigOptions.key("aleph.cassandra.replication-factor")
            .intType()
            .defaultValue(1)
            .withDescription("Replication factor (SimpleStrategy) of the keyspace when the bootstrap creates it.");

    public static final ConfigOption<String> USERNAME = ConfigOptions.key("aleph.cassandra.username")
            .stringType()
            .noDefaultValue()
            .withDescription("User name for password authentication; leave unset when the cluster has none.");

    public static final ConfigOption<String> PASSWORD = ConfigOptions.key("aleph.cassandra.password")
            .stringType()
            .noDefaultValue()
            .withDescription("Password for password authentication; used only with aleph.cassandra.username.");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT_REQUESTS = ConfigOptions.key(
                    "aleph.cassandra.max-in-flight-requests")
            .intType()
            .defaultValue(4)
            .withDescription("Batches a sink writer may have in flight at once; at most"
                    + " max-in-flight-requests x max-batch-size rows (times the statements per row) are written concurrently.");

    public static final ConfigOption<Integer> MAX_BATCH_SIZE = ConfigOptions.key("aleph.cassandra.max-batch-size")
            .intType()
            .defaultValue(50)
            .withDescription("Records a sink writer sends in one batch of concurrent statements.");

    public static final ConfigOption<Integer> MAX_BUFFERED_REQUESTS = ConfigOptions.key("aleph.cassandra.max-buffered-requests")
            .intType()
            .defaultValue(1000)
            .withDescription("Records a sink writer buffers before it applies back-pressure (must exceed max-batch-size).");

    public static final ConfigOption<Duration> MAX_TIME_IN_BUFFER = ConfigOptions.key("aleph.cassandra.max-time-in-buffer")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("Longest time a record waits in a sink writer's buffer before it is sent.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT = ConfigOptions.key("aleph.cassandra.request-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("Driver timeout of one statement; a timed-out write is retried (writes are idempotent).");

    private CassandraOptions() {}

    public static List<ConfigOption<?>> all() {
        return List.of(
                CONTACT_POINTS,
                LOCAL_DATACENTER,
                KEYSPACE,
                REPLICATION_FACTOR,
                USERNAME,
                PASSWORD,
                MAX_IN_FLIGHT_REQUESTS,
                MAX_BATCH_SIZE,
                MAX_BUFFERED_REQUESTS,
                MAX_TIME_IN_BUFFER,
                REQUEST_TIMEOUT);
    }

    public static String contactPoints(Configuration conf) {
        return Required.get(conf, CONTACT_POINTS);
    }

    /** The configured keyspace, checked to be a plain CQL identifier (it is spliced into statements). */
    public static String keyspace(Configuration conf) {
        return Identifiers.requireKeyspace(conf.get(KEYSPACE));
    }

    public static Optional<String> username(Configuration conf) {
        return conf.getOptional(USERNAME).filter(name -> !name.isBlank());
    }
}
