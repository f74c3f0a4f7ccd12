package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the agreed state of one owner from the set of its accepted messages, following
 * docs/state-semantics.md. A pure function: the same set gives the same view, whatever the order
 * of the collection.
 *
 * <p>Two strata break the circle between forgets and authorizations: the FORGETs that name a
 * security element are judged with every security element the owner wrote; every other message,
 * other FORGETs included, is judged with the security elements those FORGETs leave (§1, §3).
 */
public final class OwnerStateEvaluator {

    /** Owner whose aggregates the reference never materialises (spec §4.2). */
    public static final String UNMATERIALISED_OWNER = "0x51A58800b26AA1451aaA803d1746687cB88E0501";

    public static final String SECURITY_KEY = "security";

    /** Canonical order: content.time, then item_hash. */
    public static final Comparator<MessageFacts> CANONICAL =
            Comparator.comparingDouble(MessageFacts::contentTime).thenComparing(MessageFacts::hash);

    /** Whether the files a VM needs exist (looked up across owners, §6). */
    @FunctionalInterface
    public interface Volumes {
        boolean exists(VolumeRef ref);
    }

    private final String owner;
    private final String ownerLower;
    private final Volumes volumes;
    private final List<MessageFacts> ordered;
    private final Map<String, MessageFacts> byHash = new HashMap<>();

    private OwnerStateEvaluator(String owner, Collection<MessageFacts> messages, Volumes volumes) {
        this.owner = owner;
        this.ownerLower = Authorizer.lower(owner);
        this.volumes = volumes;
        this.ordered = new ArrayList<>(messages);
        this.ordered.sort(CANONICAL);
        for (MessageFacts message : ordered) {
            byHash.put(message.hash(), message);
        }
    }

    /**
     * @param owner the exact content.address all the messages share
     * @param messages the owner's accepted messages, one per item_hash
     * @param volumes lookup of the files VMs need
     */
    public static OwnerView evaluate(String owner, Collection<MessageFacts> messages, Volumes volumes) {
        return new OwnerStateEvaluator(owner, messages, volumes).run();
    }

    private OwnerView run() {
        List<MessageFacts> securityElements = ordered.stream().filter(this::isSecurityElement).toList();
        Set<String> securityHashes = new HashSet<>();
        securityElements.forEach(m -> securityHashes.add(m.hash()));

        // Stratum 1: FORGETs of security elements, judged with every security element the owner wrote.
        Validity allDelegations = new Validity(Authorizer.of(merge(securityElements)));
        Set<MessageFacts> securityForgets = new HashSet<>(ordered.stream()
                .filter(m -> m.type() == MessageType.FORGET && m.forgetHashes().stream().anyMatch(securityHashes::contains))
                .toList());
        Map<String, TreeSet<String>> forgottenBy = new HashMap<>();
        for (MessageFacts forget : ordered) {
            if (securityForgets.contains(forget) && allDelegations.isValid(forget)) {
                applyForget(forget, allDelegations, forgottenBy);
            }
        }

        // Stratum 2: everything else, judged with the security elements that are not forgotten.
        Validity judging = new Validity(Authorizer.of(merge(securityElements.stream()
                .filter(m -> !forgottenBy.containsKey(m.hash())).toList())));
        for (MessageFacts forget : ordered) {
            if (forget.type() == MessageType.FORGET && !securityForgets.contains(forget) && judging.isValid(forget)) {
                applyForget(forget, judging, forgottenBy);
            }
        }
        // Amends of a forgotten post and updates of a forgotten VM go with it.
        for (MessageFacts message : ordered) {
            String original = message.isAmend() ? message.ref() : message.isVm() ? message.replaces() : null;
            TreeSet<String> by = original == null ? null : forgottenBy.get(original);
            if (by != null && judging.isValid(message)) {
                forgottenBy.computeIfAbsent(message.hash(), t -> new TreeSet<>()).addAll(by);
            }
        }

        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (MessageFacts message : ordered) {
            TreeSet<String> by = forgottenBy.get(message.hash());
            Decision decision;
            if (securityForgets.contains(message)) {
                decision = allDelegations.check(message);
            } else if (by != null && judging.isValid(message)) {
                decision = Decision.forgotten(List.copyOf(by)); // only a valid message can be forgotten
            } else {
                decision = judging.check(message);
            }
            decisions.put(message.hash(), decision);
        }
        List<MessageFacts> live = ordered.stream()
                .filter(m -> decisions.get(m.hash()).status() == MessageStatus.PROCESSED)
                .toList();
        return new OwnerView(owner, decisions, aggregates(live), posts(live), tags(live), vms(live));
    }

    /** §3: what an effective FORGET forgets: its hashes and the valid elements of its aggregate keys. */
    private void applyForget(MessageFacts forget, Validity validity, Map<String, TreeSet<String>> forgottenBy) {
        for (String target : forget.forgetHashes()) {
            forgottenBy.computeIfAbsent(target, t -> new TreeSet<>()).add(forget.hash());
        }
        for (MessageFacts element : validElementsOf(forget.forgetAggregates(), validity)) {
            forgottenBy.computeIfAbsent(element.hash(), t -> new TreeSet<>()).add(forget.hash());
        }
    }

    private boolean isSecurityElement(MessageFacts m) {
        return m != null && m.type() == MessageType.AGGREGATE && SECURITY_KEY.equals(m.aggregateKey()) && isOwner(m.sender());
    }

    private List<MessageFacts> validElementsOf(List<String> keys, Validity validity) {
        return ordered.stream()
                .filter(m -> m.type() == MessageType.AGGREGATE && m.aggregateKey() != null
                        && keys.contains(m.aggregateKey()) && validity.isValid(m))
                .toList();
    }

    /** §2: validity of each message under one set of authorizations, memoised. */
    private final class Validity {
        private final Authorizer authorizer;
        private final Map<String, Decision> memo = new HashMap<>();

        Validity(Authorizer authorizer) {
            this.authorizer = authorizer;
        }

        boolean isValid(MessageFacts message) {
            return check(message).status() == MessageStatus.PROCESSED;
        }

        Decision check(MessageFacts message) {
            Decision known = memo.get(message.hash());
            if (known != null) {
                return known;
            }
            // Dependencies never form a cycle (an amend's target is no amend, a ref'd STORE has no ref,
            // a replaced VM replaces nothing, a FORGET's targets are no FORGET); this marker only guards.
            memo.put(message.hash(), Decision.waiting(ErrorCode.INTERNAL_ERROR, "dependency cycle"));
            Decision decision = dependencies(message);
            if (decision == null) {
                decision = authorized(message) ? Decision.processed()
                        : Decision.waiting(ErrorCode.PERMISSION_DENIED, "sender not authorized by the owner's security aggregate");
            }
            memo.put(message.hash(), decision);
            return decision;
        }

        /** The first failing dependency rule, or null when they all hold. */
        private Decision dependencies(MessageFacts m) {
            if (!m.contentAvailable()) {
                return Decision.waiting(ErrorCode.CONTENT_UNAVAILABLE, "the content of a non-inline message is not fetched here");
            }
            switch (m.type()) {
                case AGGREGATE:
                    if (SECURITY_KEY.equals(m.aggregateKey()) && !isOwner(m.sender())) {
                        return Decision.rejected(ErrorCode.PERMISSION_DENIED, "only the owner writes its security aggregate");
                    }
                    return null;
                case POST:
                    return m.isAmend() ? amendTarget(m) : null;
                case STORE:
                    return storeRef(m);
                case PROGRAM:
                case INSTANCE:
                    return vmDependencies(m);
                case FORGET:
                    return forgetTargets(m);
                default:
                    return null;
            }
        }

        private Decision amendTarget(MessageFacts amend) {
            if (amend.ref() == null || amend.ref().isEmpty()) {
                return Decision.rejected(ErrorCode.POST_AMEND_NO_TARGET, "an amend needs a ref");
            }
            // A target only counts when it is a valid message of the right type; then the permanent rules apply.
            MessageFacts original = byHash.get(amend.ref());
            if (original == null || original.type() != MessageType.POST || !isValid(original)) {
                return Decision.waiting(ErrorCode.POST_AMEND_TARGET_NOT_FOUND, "amended post " + amend.ref() + " not found");
            }
            if (original.isAmend()) {
                return Decision.rejected(ErrorCode.POST_AMEND_AMEND, "cannot amend an amend");
            }
            return null;
        }

        private Decision storeRef(MessageFacts store) {
            if (store.ref() == null || !HashShapedRef.test(store.ref())) {
                return null;
            }
            MessageFacts target = byHash.get(store.ref());
            if (target == null || target.type() != MessageType.STORE || !isValid(target)) {
                return Decision.waiting(ErrorCode.STORE_REF_NOT_FOUND, "referenced STORE " + store.ref() + " not found");
            }
            if (target.ref() != null) {
                return Decision.rejected(ErrorCode.STORE_UPDATE_UPDATE, "the referenced STORE has a ref itself");
            }
            return null;
        }

        private Decision vmDependencies(MessageFacts vm) {
            if (vm.replaces() != null) {
                MessageFacts target = byHash.get(vm.replaces());
                if (target == null || !target.isVm() || !isValid(target)) {
                    return Decision.waiting(ErrorCode.VM_REF_NOT_FOUND, "replaced VM " + vm.replaces() + " not found");
                }
                if (target.replaces() != null) {
                    return Decision.rejected(ErrorCode.VM_UPDATE_UPDATE, "the replaced VM is itself an update");
                }
                if (!target.allowAmend()) {
                    return Decision.rejected(ErrorCode.VM_AMEND_NOT_ALLOWED, "the replaced VM does not allow amends");
                }
            }
            for (VolumeRef volume : vm.volumes()) {
                if (!volumes.exists(volume)) {
                    return Decision.waiting(ErrorCode.VM_VOLUME_NOT_FOUND, "volume " + volume.ref() + " not found");
                }
            }
            return null;
        }

        private Decision forgetTargets(MessageFacts forget) {
            if (forget.forgetHashes().isEmpty() && forget.forgetAggregates().isEmpty()) {
                return Decision.rejected(ErrorCode.FORGET_NO_TARGET, "a FORGET needs hashes or aggregates");
            }
            for (String hash : forget.forgetHashes()) {
                MessageFacts target = byHash.get(hash);
                if (target != null && target.type() == MessageType.FORGET) {
                    return Decision.rejected(ErrorCode.FORGET_FORGET, "a FORGET cannot be forgotten: " + hash);
                }
            }
            for (String hash : forget.forgetHashes()) {
                MessageFacts target = byHash.get(hash);
                if (target == null || !isValid(target)) {
                    return Decision.waiting(ErrorCode.FORGET_TARGET_NOT_FOUND, "forgotten message " + hash + " not found");
                }
            }
            for (String key : forget.forgetAggregates()) {
                if (validElementsOf(List.of(key), this).isEmpty()) {
                    return Decision.waiting(ErrorCode.FORGET_TARGET_NOT_FOUND, "aggregate " + key + " not found");
                }
            }
            return null;
        }

        private boolean authorized(MessageFacts m) {
            if (isOwner(m.sender())) {
                return true;
            }
            if (m.type() == MessageType.FORGET) {
                // As if creating each target: nobody but the owner may create (or forget) a security element.
                for (String hash : m.forgetHashes()) {
                    MessageFacts target = byHash.get(hash);
                    if (isSecurityElement(target) || !allowsCreating(m.sender(), target)) {
                        return false;
                    }
                }
                for (MessageFacts element : validElementsOf(m.forgetAggregates(), this)) {
                    if (!allowsCreating(m.sender(), element)) {
                        return false;
                    }
                }
                return true;
            }
            return allowsCreating(m.sender(), m);
        }

        /** An amend is authorized with its original's channel, chain and post type (spec §5 rule 4). */
        private boolean allowsCreating(String sender, MessageFacts m) {
            if (m.isAmend()) {
                MessageFacts original = byHash.get(m.ref());
                return authorizer.allows(sender, MessageType.POST, original.chain(), original.channel(),
                        original.postType(), null);
            }
            return authorizer.allows(sender, m);
        }
    }

    private boolean isOwner(String sender) {
        return Authorizer.lower(sender).equals(ownerLower);
    }

    private static ObjectNode merge(List<MessageFacts> elements) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (MessageFacts element : elements) {
            if (element.body() != null && element.body().isObject()) {
                element.body().fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
            }
        }
        return merged;
    }

    private Map<String, OwnerView.Aggregate> aggregates(List<MessageFacts> live) {
        Map<String, OwnerView.Aggregate> aggregates = new TreeMap<>();
        if (owner.equals(UNMATERIALISED_OWNER)) {
            return aggregates;
        }
        Map<String, List<MessageFacts>> byKey = new TreeMap<>();
        live.stream().filter(m -> m.type() == MessageType.AGGREGATE)
                .forEach(m -> byKey.computeIfAbsent(m.aggregateKey(), k -> new ArrayList<>()).add(m));
        byKey.forEach((key, elements) -> {
            MessageFacts first = elements.get(0);
            MessageFacts last = elements.get(elements.size() - 1);
            aggregates.put(key, new OwnerView.Aggregate(merge(elements), last.hash(), first.contentTime(), last.contentTime()));
        });
        return aggregates;
    }

    private Map<String, OwnerView.Post> posts(List<MessageFacts> live) {
        Map<String, List<MessageFacts>> amendsByOriginal = new HashMap<>();
        live.stream().filter(MessageFacts::isAmend)
                .forEach(a -> amendsByOriginal.computeIfAbsent(a.ref(), r -> new ArrayList<>()).add(a));
        Map<String, OwnerView.Post> posts = new TreeMap<>();
        for (MessageFacts original : live) {
            if (original.type() != MessageType.POST || original.isAmend()) {
                continue;
            }
            List<MessageFacts> amends = amendsByOriginal.getOrDefault(original.hash(), List.of());
            MessageFacts latest = original;
            for (MessageFacts amend : amends) {
                if (amend.contentTime() > original.contentTime()) {
                    latest = amend; // amends are in canonical order: the last qualifying one wins
                }
            }
            JsonNode content = latest.body();
            posts.put(original.hash(), new OwnerView.Post(original.postType(), original.channel(),
                    content, latest.hash(), amends.stream().map(MessageFacts::hash).toList(),
                    original.contentTime(), latest.contentTime()));
        }
        return posts;
    }

    private Map<String, OwnerView.Tag> tags(List<MessageFacts> live) {
        Map<String, OwnerView.Tag> tags = new TreeMap<>();
        for (MessageFacts store : live) {
            if (store.type() == MessageType.STORE) {
                tags.put(tagOf(store), new OwnerView.Tag(store.fileHash(), store.hash(), store.contentTime()));
            }
        }
        return tags;
    }

    /** §5: no ref → its own hash; hash-shaped ref → the ref; other ref → owner/ref. */
    public static String tagOf(MessageFacts store) {
        if (store.ref() == null) {
            return store.hash();
        }
        return HashShapedRef.test(store.ref()) ? store.ref() : store.owner() + "/" + store.ref();
    }

    private Map<String, OwnerView.Vm> vms(List<MessageFacts> live) {
        Map<String, List<MessageFacts>> updatesByOriginal = new HashMap<>();
        live.stream().filter(m -> m.isVm() && m.replaces() != null)
                .forEach(u -> updatesByOriginal.computeIfAbsent(u.replaces(), r -> new ArrayList<>()).add(u));
        Map<String, OwnerView.Vm> vms = new TreeMap<>();
        for (MessageFacts original : live) {
            if (original.isVm() && original.replaces() == null) {
                List<MessageFacts> updates = updatesByOriginal.getOrDefault(original.hash(), List.of());
                String current = updates.isEmpty() ? original.hash() : updates.get(updates.size() - 1).hash();
                vms.put(original.hash(), new OwnerView.Vm(original.type().wire(), current,
                        updates.stream().map(MessageFacts::hash).toList()));
            }
        }
        return vms;
    }
}
