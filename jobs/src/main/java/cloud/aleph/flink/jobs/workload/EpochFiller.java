package cloud.aleph.flink.jobs.workload;

import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * Heartbeat messages that complete the last epoch of every raw-topic partition at the end of a
 * local run (the demo, replays, tests): an epoch is final only once records after it exist, and a
 * live network never stops publishing, a local run does.
 */
public final class EpochFiller {

    /** The demo account that signs heartbeats, apart from the workload's accounts. */
    private static final EthereumSigner SIGNER = DemoKeys.ethereum(99);

    private EpochFiller() {}

    /**
     * Publishes heartbeats to every partition of the raw topic until its end offset is a multiple
     * of {@code epochSize}, and waits for the broker's acknowledgements.
     *
     * @return how many were published
     */
    public static int completeEpochs(Configuration conf, int epochSize) {
        int published = 0;
        try (RawTopicPublisher publisher = new RawTopicPublisher(conf)) {
            for (Map.Entry<Integer, Long> end : publisher.endOffsets().entrySet()) {
                long missing = (epochSize - end.getValue() % epochSize) % epochSize;
                for (long i = 0; i < missing; i++) {
                    publisher.publish(end.getKey(), heartbeat(end.getKey(), end.getValue() + i));
                    published++;
                }
            }
            publisher.flush(done -> { });
        }
        return published;
    }

    /** A signed POST of the heartbeat account, unique per partition, offset and time. */
    public static String heartbeat(int partition, long offset) {
        double time = System.currentTimeMillis() / 1000.0;
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("address", SIGNER.address());
        content.put("time", time);
        content.put("type", "epoch-heartbeat");
        content.putObject("content").put("partition", partition).put("offset", offset);
        return MessageBuilder.of(MessageType.POST, content).channel("ALEPH-FLINK-HEARTBEAT").time(time).build(SIGNER);
    }
}
