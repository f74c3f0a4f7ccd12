package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Heartbeat messages that complete the last epochs of a local run (see {@link EmbeddedPipeline#completeEpochs}). */
final class EpochFiller {

    /** The demo account that signs heartbeats, apart from the workload's accounts. */
    private static final EthereumSigner SIGNER = DemoKeys.ethereum(99);

    private EpochFiller() {}

    static String heartbeat(int partition, long offset) {
        double time = System.currentTimeMillis() / 1000.0;
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("address", SIGNER.address());
        content.put("time", time);
        content.put("type", "epoch-heartbeat");
        content.putObject("content").put("partition", partition).put("offset", offset);
        return cloud.aleph.flink.operators.signing.MessageBuilder.of(MessageType.POST, content)
                .channel("ALEPH-FLINK-HEARTBEAT").time(time).build(SIGNER);
    }
}
