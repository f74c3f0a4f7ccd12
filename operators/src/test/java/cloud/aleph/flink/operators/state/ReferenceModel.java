package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The test oracle of the agreed state: a sequential, plain-Java reading of
 * {@code docs/state-semantics.md}. Input: raw envelopes as published (any order, duplicates and bad
 * input included). Steps: verification ({@link MessageVerifier}), one kept copy per item_hash
 * (smallest {@code CopyKey}, as {@code MessageStatusFunction}), then the state as a pure function of
 * that set, exported as the JSON of §8 with sorted keys.
 *
 * <p>{@code expired} (default true) is the state after {@code --max-wait}: every message still
 * waiting is rejected with the code it waits on. With {@code expired = false} it is
 * {@code pending}, with that code as {@code error_code}.
 *
 * <h2>Points the document leaves open, and how the model reads them</h2>
 * <ol>
 *   <li><b>Cycle through the delegations.</b> A FORGET with a security element among its hashes
 *       (a "security FORGET") is judged under {@code sec⁰(O)}, the merge of all security elements;
 *       {@code sec(O)} then drops the elements hashed by effective security FORGETs, and everything
 *       else is judged under {@code sec(O)}. See {@link OwnerEvaluation}.
 *   <li><b>Only the owner forgets security elements.</b> "Authorized as if creating the target":
 *       no delegate may write a security AGGREGATE, so a delegate's FORGET of a security element
 *       waits with 2.
 *   <li><b>Authorization failures wait</b> (pending 2, rejected 2 on expiry), FORGETs included.
 *       The only immediate 2 is an AGGREGATE with key {@code security} whose sender is not the
 *       owner; the key is the effective key, so the object form {@code {"name":"security"}}
 *       ({@code name='security'}) is an ordinary key.
 *   <li><b>Pending entries carry the code waited on</b>: {@code {"status":"pending","error_code":501}}.
 *       processed and forgotten have {@code error_code: null}.
 *   <li><b>A dependency is found only when valid.</b> Amend original, STORE hash ref and VM
 *       {@code replaces} must be <em>valid</em> messages of the right type of {@code A_O}; else the
 *       message waits with the "not found" code (101, 200, 300), also when the target exists but
 *       is itself waiting or rejected.
 *       The permanent checks (102, 201, 303, 302) apply only to a found target: an amend of an
 *       amend that is itself valid is 102, of one that is not valid 101; a VM replacing an update
 *       rejected 303 waits with 300.
 *   <li><b>Order inside a rule.</b> FORGET: 500, 502 (any FORGET of {@code A_O} among the hashes,
 *       valid or not), 501 (hashes, then aggregate keys), 2. VM: 300, 303, 302, then 301 (the §2
 *       table order: {@code replaces} before volumes; the reference checks volumes first), then 2.
 *   <li><b>FORGET of an aggregate key</b> is authorized per valid element of {@code (O, key)},
 *       each with its own attributes (AGGREGATE, its chain, its channel, the key); elements already
 *       forgotten by another FORGET are still valid, so they are checked too.
 *   <li><b>FORGET of an amend</b> is authorized with the amend's attributes, i.e. its original's
 *       chain, channel and post type. Cascaded targets (amends of a forgotten post, updates of a
 *       forgotten VM) are not authorization-checked.
 *   <li><b>Forgotten means valid and forgotten.</b> A message that is not valid keeps its own
 *       status. {@code forgotten_by} of an amend or VM update is the union of the FORGETs naming
 *       it and those of its original. An effective FORGET is {@code processed}; one whose target
 *       waits is pending/rejected 501; a FORGET of a rejected message waits 501.
 *   <li><b>Aggregate key in filters</b>: {@code aggregate_keys} is matched against the effective
 *       key (object form → {@code name='…'}).
 *   <li><b>Filter values</b>: see {@link Delegations} (Python truthiness for "present,
 *       non-empty"; list filters must be arrays; JSON equality, so a null channel matches only a
 *       JSON null in {@code channels}; entries with a non-string {@code address} are skipped).
 *   <li><b>VM {@code replaces}</b>: a PROGRAM may replace an INSTANCE and vice versa;
 *       {@code vms[original].type} is the original's type; 302 reads the target's own
 *       {@code allow_amend}. The current version is the last live update in canonical order (no
 *       strict-greater rule, unlike posts). Without volumes, a VM still waits for code, runtime,
 *       data or rootfs parent.
 *   <li><b>Volumes</b>: "accepted STORE" is read literally: any kept STORE copy of {@code A}, any
 *       owner and status, inline or not (matched by item_hash; {@code content.ref} only when
 *       inline). {@code use_latest} defaults: see {@link VolumeRefs}.
 *   <li><b>V-PROGRAM</b>: authorization only; processed; not in {@code vms}.
 *   <li><b>Hash-shaped</b> is the document's definition (see {@link HashShape}): a {@code Qm} ref
 *       of 44 or 45 characters is free-form here, whereas {@code ItemHashes.isValidItemHash}
 *       accepts 44–46.
 *   <li><b>201</b>: the referenced STORE has any {@code ref}, free-form included. A STORE whose
 *       {@code content.item_type} does not fit its {@code item_hash} (the reference rejects it 0
 *       at fetch) has no rule in the document and is accepted.
 *   <li><b>Owner {@code 0x51A5…0501}</b> is compared exactly; its elements are processed and its
 *       security elements still delegate ({@code sec(O)} is built from elements).
 *   <li><b>Files</b> are one map over all owners: a tag shows the last live STORE of that tag in
 *       canonical order whoever owns it (owners cannot share a tag except through free-form tags
 *       of owners containing {@code /}).
 *   <li><b>Posts</b> export exactly the §8 keys (owner, type, content, latest, amends); the
 *       {@code channel} and {@code created} of §5 are not exported. {@code latest} is the last
 *       live amend in canonical order among those with {@code ctime > P.ctime}, else {@code P}.
 *   <li><b>ctime</b> is {@code content.time} read laxly (see {@link LaxValues}); note that
 *       {@code VerifiedMessage.contentTime()} is null for a string or boolean time.
 *   <li><b>Non-inline messages</b> have no known owner: they wait with 3, are in no
 *       {@code A_O} (an amend, FORGET, STORE ref or {@code replaces} naming one waits as "not
 *       found") but count as volumes by item_hash (point 13).
 *   <li><b>Verification rejections</b>: a hash without a valid copy shows the rejection with the
 *       smallest rejection id (sha256 of the raw bytes), as {@code MessageStatusFunction}.
 *   <li><b>{@code lower}</b> is ASCII-only. Owners are exact strings: the same key writing with
 *       {@code content.address} in another case is another owner (and authorized, since the
 *       sender matches case-insensitively).
 *   <li>The owner's security elements are also an ordinary aggregate {@code security}.
 * </ol>
 */
public final class ReferenceModel {

    /** The owner whose aggregates the reference never materialises (§4). */
    public static final String UNMATERIALISED_AGGREGATE_OWNER = "0x51A58800b26AA1451aaA803d1746687cB88E0501";

    private final boolean expired;
    private final Function<String, Verdict> verifier;

    /** The state after {@code --max-wait}, with the default verifier. */
    public ReferenceModel() {
        this(true);
    }

    public ReferenceModel(boolean expired) {
        this(expired, defaultVerifier());
    }

    /**
     * @param expired true: messages still waiting are rejected with their code; false: pending
     * @param verifier the verdict of one raw envelope (must be a pure function of the text)
     */
    public ReferenceModel(boolean expired, Function<String, Verdict> verifier) {
        this.expired = expired;
        this.verifier = Objects.requireNonNull(verifier);
    }

    /** {@link MessageVerifier#withDefaultVerifiers()} on one JSON line. */
    public static Function<String, Verdict> defaultVerifier() {
        return MessageVerifier.withDefaultVerifiers()::verifyLine;
    }

    /** A verifier that remembers verdicts by envelope text (verification is a pure function of it). */
    public static Function<String, Verdict> memoizing(Function<String, Verdict> verifier) {
        Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
        return envelope -> verdicts.computeIfAbsent(envelope, verifier);
    }

    public boolean expired() {
        return expired;
    }

    /** The exported state (§8) of these raw envelopes. */
    public ObjectNode state(List<String> envelopes) {
        List<Verdict> verdicts = new ArrayList<>(envelopes.size());
        for (String envelope : envelopes) {
            verdicts.add(verifier.apply(envelope));
        }
        return stateOfVerdicts(verdicts);
    }

    /** The exported state (§8) of already verified input. */
    public ObjectNode stateOfVerdicts(Collection<Verdict> verdicts) {
        KeptCopies copies = KeptCopies.of(verdicts);
        List<ModelMessage> accepted = new ArrayList<>();
        for (VerifiedMessage copy : copies.accepted.values()) {
            accepted.add(ModelMessage.of(copy));
        }
        AcceptedStores stores = AcceptedStores.of(accepted);

        Map<String, List<ModelMessage>> byOwner = new TreeMap<>();
        for (ModelMessage message : accepted) {
            if (message.inline()) {
                byOwner.computeIfAbsent(message.owner(), o -> new ArrayList<>()).add(message);
            }
        }
        Map<String, OwnerEvaluation> evaluations = new TreeMap<>();
        byOwner.forEach((owner, messages) -> evaluations.put(owner, OwnerEvaluation.evaluate(owner, messages, stores)));

        StateExport export = new StateExport();
        for (Map.Entry<String, Rejection> rejected : copies.rejectedOnly.entrySet()) {
            export.status(rejected.getKey(), MessageStatus.REJECTED, rejected.getValue().errorCode());
        }
        for (ModelMessage message : accepted) {
            if (!message.inline()) {
                exportWaiting(export, message.hash(), Outcome.waitsFor(ErrorCode.CONTENT_UNAVAILABLE));
                continue;
            }
            OwnerEvaluation evaluation = evaluations.get(message.owner());
            Outcome outcome = evaluation.outcome(message.hash());
            if (!outcome.valid()) {
                exportWaiting(export, message.hash(), outcome);
            } else if (!evaluation.forgottenBy(message.hash()).isEmpty()) {
                export.status(message.hash(), MessageStatus.FORGOTTEN, null);
                export.forgotten(message.hash(), evaluation.forgottenBy(message.hash()));
            } else {
                export.status(message.hash(), MessageStatus.PROCESSED, null);
            }
        }
        byOwner.forEach((owner, messages) -> exportOwnerObjects(export, owner, messages, evaluations.get(owner)));
        exportFiles(export, accepted, evaluations);
        return export.toJson();
    }

    private void exportWaiting(StateExport export, String hash, Outcome outcome) {
        boolean pending = outcome.waiting() && !expired;
        export.status(hash, pending ? MessageStatus.PENDING : MessageStatus.REJECTED, outcome.code());
    }

    /** Aggregates, posts and VMs of one owner, from its live messages. */
    private static void exportOwnerObjects(
            StateExport export, String owner, List<ModelMessage> messages, OwnerEvaluation evaluation) {
        List<ModelMessage> live = messages.stream()
                .filter(message -> evaluation.live(message.hash()))
                .sorted(ModelMessage.CANONICAL)
                .toList();

        if (!owner.equals(UNMATERIALISED_AGGREGATE_OWNER)) {
            Map<String, List<ModelMessage>> elementsByKey = new TreeMap<>();
            for (ModelMessage message : live) {
                if (message.type() == MessageType.AGGREGATE) {
                    elementsByKey.computeIfAbsent(message.aggregateKey(), k -> new ArrayList<>()).add(message);
                }
            }
            elementsByKey.forEach((key, elements) ->
                    export.aggregate(owner, key, ShallowMerge.of(elements), last(elements).hash()));
        }

        for (ModelMessage original : live) {
            if (original.type() != MessageType.POST || original.isAmend()) {
                continue;
            }
            List<ModelMessage> amends = live.stream()
                    .filter(m -> m.isAmend() && m.amendedHash().equals(original.hash()))
                    .toList();
            ModelMessage latest = original;
            for (ModelMessage amend : amends) {
                if (amend.ctime() > original.ctime()) {
                    latest = amend;
                }
            }
            export.post(original.hash(), owner, original.postType(), latest.content().get("content"),
                    latest.hash(), hashes(amends));
        }

        for (ModelMessage original : live) {
            if (!original.isVm() || original.replaces() != null) {
                continue;
            }
            List<ModelMessage> updates = live.stream()
                    .filter(m -> m.isVm() && original.hash().equals(m.replaces()))
                    .toList();
            ModelMessage current = updates.isEmpty() ? original : last(updates);
            export.vm(original.hash(), owner, original.type().wire(), current.hash(), hashes(updates));
        }
    }

    /** Every live STORE pins its file under its tag; a tag shows its last live STORE in canonical order. */
    private static void exportFiles(
            StateExport export, List<ModelMessage> accepted, Map<String, OwnerEvaluation> evaluations) {
        Map<String, ModelMessage> lastByTag = new TreeMap<>();
        for (ModelMessage message : accepted) {
            if (message.type() != MessageType.STORE || !message.inline()
                    || !evaluations.get(message.owner()).live(message.hash())) {
                continue;
            }
            lastByTag.merge(tag(message), message, (a, b) -> ModelMessage.CANONICAL.compare(a, b) >= 0 ? a : b);
        }
        lastByTag.forEach((tag, store) -> export.file(tag, store.owner(), store.fileHash(), store.hash()));
    }

    /** §5: no ref → own hash; hash-shaped ref → the ref; other ref → {@code owner/ref}. */
    static String tag(ModelMessage store) {
        String ref = store.storeRef();
        if (ref == null) {
            return store.hash();
        }
        return HashShape.isHashShaped(ref) ? ref : store.owner() + "/" + ref;
    }

    private static ModelMessage last(List<ModelMessage> inCanonicalOrder) {
        return inCanonicalOrder.get(inCanonicalOrder.size() - 1);
    }

    private static List<String> hashes(List<ModelMessage> messages) {
        return messages.stream().map(ModelMessage::hash).toList();
    }

    /** Compact JSON text of a state. */
    public static String text(JsonNode state) {
        return StateExport.text(state);
    }
}
