package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.CopyKey;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The job's state logic without Flink: the copy the status operator keeps per item_hash, the volume
 * index, {@link OwnerStateEvaluator} per owner, and the export of §8, all in one process. Comparing
 * it with {@link ReferenceModel} checks the job's semantics quickly; the integration test then
 * checks the same through Kafka, Flink and Cassandra.
 */
final class PipelineSimulation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PipelineSimulation() {}

    /** The exported state with every wait expired (statuses rejected with the code waited on). */
    static ObjectNode state(List<String> envelopes, Function<String, Verdict> verifier) {
        Map<String, VerifiedMessage> kept = new HashMap<>();
        Map<String, Rejection> rejected = new HashMap<>();
        for (String envelope : envelopes) {
            Verdict verdict = verifier.apply(envelope);
            if (verdict.isAccepted()) {
                VerifiedMessage copy = verdict.accepted();
                kept.merge(copy.itemHash(), copy, (a, b) -> CopyKey.of(a).compareTo(CopyKey.of(b)) <= 0 ? a : b);
            } else if (verdict.itemHash() != null) {
                rejected.merge(verdict.itemHash(), verdict.rejected(),
                        (a, b) -> a.rejectionId().compareTo(b.rejectionId()) <= 0 ? a : b);
            }
        }

        Set<String> exactStores = new HashSet<>();
        Set<String> referredStores = new HashSet<>();
        Map<String, List<MessageFacts>> byOwner = new TreeMap<>();
        for (VerifiedMessage copy : kept.values()) {
            MessageFacts facts = MessageFacts.of(copy);
            if (copy.type() == MessageType.STORE) {
                exactStores.add(copy.itemHash());
                if (facts.ref() != null) {
                    referredStores.add(facts.ref());
                }
            }
            byOwner.computeIfAbsent(copy.owner() != null ? copy.owner() : copy.sender(), o -> new ArrayList<>()).add(facts);
        }

        Map<String, ObjectNode> aggregates = new TreeMap<>();
        Map<String, JsonNode> posts = new TreeMap<>();
        Map<String, JsonNode> files = new TreeMap<>();
        Map<String, JsonNode> vms = new TreeMap<>();
        Map<String, JsonNode> forgotten = new TreeMap<>();
        Map<String, JsonNode> statuses = new TreeMap<>();
        rejected.forEach((hash, rejection) -> statuses.put(hash, status("rejected", rejection.errorCode().code())));
        byOwner.forEach((owner, messages) -> {
            OwnerView view = OwnerStateEvaluator.evaluate(owner, messages,
                    ref -> exactStores.contains(ref.ref()) || (ref.useLatest() && referredStores.contains(ref.ref())));
            view.decisions().forEach((hash, decision) -> {
                MessageStatus status = decision.isWaiting() ? MessageStatus.REJECTED : decision.status();
                statuses.put(hash, status(status.wire(), decision.errorCode() == null ? null : decision.errorCode().code()));
                if (status == MessageStatus.FORGOTTEN) {
                    forgotten.put(hash, NODES.objectNode().set("forgotten_by", array(decision.forgottenBy())));
                }
            });
            if (!view.aggregates().isEmpty()) {
                ObjectNode keys = NODES.objectNode();
                view.aggregates().forEach((key, aggregate) -> {
                    ObjectNode node = keys.putObject(key);
                    node.set("content", aggregate.content());
                    node.put("revision", aggregate.revision());
                });
                aggregates.put(owner, keys);
            }
            view.posts().forEach((hash, post) -> {
                ObjectNode node = NODES.objectNode();
                node.set("amends", array(post.amends()));
                node.set("content", post.content() == null ? NODES.nullNode() : post.content());
                node.put("latest", post.latest());
                node.put("owner", owner);
                node.put("type", post.type());
                posts.put(hash, node);
            });
            view.tags().forEach((tag, file) -> {
                ObjectNode node = NODES.objectNode();
                node.put("file_hash", file.fileHash());
                node.put("owner", owner);
                node.put("store", file.store());
                files.put(tag, node);
            });
            view.vms().forEach((hash, vm) -> {
                ObjectNode node = NODES.objectNode();
                node.put("current", vm.current());
                node.put("owner", owner);
                node.put("type", vm.type());
                node.set("updates", array(vm.updates()));
                vms.put(hash, node);
            });
        });

        ObjectNode state = NODES.objectNode();
        ObjectNode aggregatesNode = state.putObject("aggregates");
        aggregates.forEach(aggregatesNode::set);
        state.set("files", object(files));
        state.set("forgotten", object(forgotten));
        state.set("posts", object(posts));
        state.set("statuses", object(statuses));
        state.set("vms", object(vms));
        return state;
    }

    private static ObjectNode status(String status, Integer code) {
        ObjectNode node = NODES.objectNode();
        if (code == null) {
            node.putNull("error_code");
        } else {
            node.put("error_code", code);
        }
        node.put("status", status);
        return node;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode object(Map<String, JsonNode> sorted) {
        ObjectNode node = NODES.objectNode();
        sorted.forEach(node::set);
        return node;
    }
}
