package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.MessageType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The statuses of one owner's inline messages (§1–§3): validity, effective FORGETs and what they
 * forget.
 *
 * <p><b>Breaking the cycle through the delegations.</b> {@code sec(O)} merges the <em>live</em>
 * security elements, so it depends on the FORGETs that target them; a FORGET's effectiveness
 * depends on its targets' validity, which may depend on {@code sec(O)}. A FORGET of the owner that
 * targets both a security element S and a delegate message M authorized only by S has no
 * consistent answer (effective ⇒ S forgotten ⇒ M not valid ⇒ not effective). The model
 * stratifies:
 * <ol>
 *   <li>{@code sec⁰(O)} = merge of <em>all</em> security elements (none forgotten);
 *   <li>a <em>security FORGET</em> (one with a security element among its hashes) is judged —
 *       status and effectiveness — under {@code sec⁰(O)};
 *   <li>{@code sec(O)} = merge of the security elements not hashed by an effective security
 *       FORGET;
 *   <li>every other message is judged under {@code sec(O)}.
 * </ol>
 * When a security FORGET targets only security elements (the usual case) the two judgements agree,
 * since the owner is always authorized and security elements are always valid.
 *
 * <p>Forgotten: only a <em>valid</em> message is forgotten (a message that is not valid keeps its
 * pending/rejected status even when an effective FORGET names it — possible only through the
 * stratification above). {@code forgotten_by} of an amend or VM update also includes the FORGETs
 * of its original.
 */
final class OwnerEvaluation {

    private final Map<String, ModelMessage> byHash = new HashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Map<String, SortedSet<String>> forgottenBy = new TreeMap<>();

    private OwnerEvaluation() {}

    /** @param messages {@code A_O}: the inline accepted messages whose {@code content.address} is exactly the owner */
    static OwnerEvaluation evaluate(String owner, List<ModelMessage> messages, AcceptedStores stores) {
        OwnerEvaluation evaluation = new OwnerEvaluation();
        Map<String, List<ModelMessage>> elementsByKey = new HashMap<>();
        for (ModelMessage message : messages) {
            evaluation.byHash.put(message.hash(), message);
            if (message.type() == MessageType.AGGREGATE) {
                elementsByKey.computeIfAbsent(message.aggregateKey(), k -> new ArrayList<>()).add(message);
            }
        }

        List<ModelMessage> securityElements = messages.stream()
                .filter(ModelMessage::isSecurityElement)
                .sorted(ModelMessage.CANONICAL)
                .toList();
        Set<String> securityHashes = new HashSet<>();
        securityElements.forEach(element -> securityHashes.add(element.hash()));

        OwnerRules beforeRevocation = new OwnerRules(
                owner, evaluation.byHash, elementsByKey, Delegations.of(securityElements), stores);
        Set<String> securityForgets = new HashSet<>();
        Set<String> revoked = new HashSet<>();
        for (ModelMessage message : messages) {
            if (message.type() != MessageType.FORGET
                    || message.forgetHashes().stream().noneMatch(securityHashes::contains)) {
                continue;
            }
            securityForgets.add(message.hash());
            if (beforeRevocation.outcome(message).valid()) {
                message.forgetHashes().stream().filter(securityHashes::contains).forEach(revoked::add);
            }
        }
        List<ModelMessage> liveSecurityElements = securityElements.stream()
                .filter(element -> !revoked.contains(element.hash()))
                .toList();
        OwnerRules rules = new OwnerRules(
                owner, evaluation.byHash, elementsByKey, Delegations.of(liveSecurityElements), stores);

        for (ModelMessage message : messages) {
            OwnerRules judge = securityForgets.contains(message.hash()) ? beforeRevocation : rules;
            evaluation.outcomes.put(message.hash(), judge.outcome(message));
        }
        evaluation.markForgotten(messages, elementsByKey);
        return evaluation;
    }

    private void markForgotten(List<ModelMessage> messages, Map<String, List<ModelMessage>> elementsByKey) {
        for (ModelMessage forget : messages) {
            if (forget.type() != MessageType.FORGET || !valid(forget.hash())) {
                continue;
            }
            for (String hash : forget.forgetHashes()) {
                forgetIfValid(hash, forget.hash());
            }
            for (String key : forget.forgetAggregates()) {
                for (ModelMessage element : elementsByKey.getOrDefault(key, List.of())) {
                    forgetIfValid(element.hash(), forget.hash());
                }
            }
        }
        // Cascades read the direct sets of originals only: originals are never amends or updates themselves.
        Map<String, SortedSet<String>> direct = new HashMap<>();
        forgottenBy.forEach((hash, by) -> direct.put(hash, new TreeSet<>(by)));
        for (ModelMessage message : messages) {
            if (!valid(message.hash())) {
                continue;
            }
            String original = null;
            if (message.isAmend()) {
                original = message.amendedHash();
            } else if (message.isVm()) {
                original = message.replaces();
            }
            if (original != null && direct.containsKey(original)) {
                forgottenBy.computeIfAbsent(message.hash(), h -> new TreeSet<>()).addAll(direct.get(original));
            }
        }
    }

    private void forgetIfValid(String target, String forget) {
        if (byHash.containsKey(target) && valid(target)) {
            forgottenBy.computeIfAbsent(target, h -> new TreeSet<>()).add(forget);
        }
    }

    private boolean valid(String hash) {
        return outcomes.get(hash).valid();
    }

    Outcome outcome(String hash) {
        return outcomes.get(hash);
    }

    /** The effective FORGETs that forget this message, sorted; empty when it is not forgotten. */
    SortedSet<String> forgottenBy(String hash) {
        return forgottenBy.getOrDefault(hash, new TreeSet<>());
    }

    boolean live(String hash) {
        return valid(hash) && !forgottenBy.containsKey(hash);
    }
}
