package cloud.aleph.flink.connectors.kafka;

import java.io.Serializable;

/**
 * A topic as the project creates it.
 *
 * @param name topic name
 * @param partitions partitions at creation
 * @param replicationFactor replicas per partition
 * @param contents what the records are, for documentation and tools
 */
public record TopicSpec(String name, int partitions, short replicationFactor, String contents) implements Serializable {

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name is empty");
        }
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition and one replica");
        }
    }
}
