package cloud.aleph.flink.connectors.cassandra;

import java.io.Serializable;

/** Turns a stream element into the Cassandra rows it writes. Pure: no I/O, same input gives the same write. */
@FunctionalInterface
public interface CassandraRowMapper<T> extends Serializable {

    CassandraWrite toWrite(T element);
}
