package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.model.ErrorCode.FORGET_FORGET;
import static cloud.aleph.flink.operators.model.ErrorCode.FORGET_NO_TARGET;
import static cloud.aleph.flink.operators.model.ErrorCode.FORGET_TARGET_NOT_FOUND;
import static cloud.aleph.flink.operators.model.ErrorCode.PERMISSION_DENIED;
import static cloud.aleph.flink.operators.model.ErrorCode.POST_AMEND_AMEND;
import static cloud.aleph.flink.operators.model.ErrorCode.POST_AMEND_TARGET_NOT_FOUND;
import static cloud.aleph.flink.operators.model.ErrorCode.STORE_REF_NOT_FOUND;
import static cloud.aleph.flink.operators.model.ErrorCode.STORE_UPDATE_UPDATE;
import static cloud.aleph.flink.operators.model.ErrorCode.VM_AMEND_NOT_ALLOWED;
import static cloud.aleph.flink.operators.model.ErrorCode.VM_REF_NOT_FOUND;
import static cloud.aleph.flink.operators.model.ErrorCode.VM_UPDATE_UPDATE;
import static cloud.aleph.flink.operators.model.ErrorCode.VM_VOLUME_NOT_FOUND;

import cloud.aleph.flink.operators.model.MessageType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validity (§2) of the inline messages of one owner {@code O} under one delegation state
 * {@code sec(O)}: authorized and dependencies satisfied, forgets ignored. Each message gets the
 * code of the first failing rule in the order of the §2 table (authorization last); within the
 * FORGET rule the order of §3 (500, 502, 501, then 2).
 *
 * <p>A dependency is "found" only when it is a <em>valid</em> message of the right type in
 * {@code A_O}; the permanent checks on it (102, 201, 303, 302) apply only once it is found. So an
 * amend of an amend that is itself not valid waits with 101, and a VM replacing an update that is
 * rejected 303 waits with 300.
 */
final class OwnerRules {

    private final String owner;
    private final Map<String, ModelMessage> byHash;
    private final Map<String, List<ModelMessage>> elementsByKey;
    private final Delegations delegations;
    private final AcceptedStores stores;
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    /**
     * @param owner {@code O}
     * @param byHash {@code A_O}: the inline messages whose {@code content.address} is exactly {@code O}
     * @param elementsByKey the AGGREGATE messages of {@code A_O} by effective key
     * @param delegations {@code sec(O)} to authorize against
     * @param stores every accepted STORE, for volumes
     */
    OwnerRules(String owner, Map<String, ModelMessage> byHash, Map<String, List<ModelMessage>> elementsByKey,
            Delegations delegations, AcceptedStores stores) {
        this.owner = owner;
        this.byHash = byHash;
        this.elementsByKey = elementsByKey;
        this.delegations = delegations;
        this.stores = stores;
    }

    Outcome outcome(ModelMessage message) {
        Outcome known = outcomes.get(message.hash());
        if (known != null) {
            return known;
        }
        if (!evaluating.add(message.hash())) {
            // Dependencies are named by content hash, so a cycle would need a hash collision.
            throw new IllegalStateException("dependency cycle through " + message.hash());
        }
        Outcome outcome = evaluate(message);
        evaluating.remove(message.hash());
        outcomes.put(message.hash(), outcome);
        return outcome;
    }

    private Outcome evaluate(ModelMessage message) {
        switch (message.type()) {
            case POST:
                return message.isAmend() ? amend(message) : authorized(message, attributesOf(message));
            case AGGREGATE:
                if (ModelMessage.SECURITY_KEY.equals(message.aggregateKey()) && !message.sentByOwner()) {
                    return Outcome.rejected(PERMISSION_DENIED);
                }
                return authorized(message, attributesOf(message));
            case STORE:
                return store(message);
            case PROGRAM:
            case INSTANCE:
                return vm(message);
            case FORGET:
                return forget(message);
            case V_PROGRAM:
                return authorized(message, attributesOf(message));
            default:
                throw new IllegalStateException("unknown type " + message.type());
        }
    }

    private Outcome amend(ModelMessage amend) {
        ModelMessage original = validOfType(amend.amendedHash(), MessageType.POST);
        if (original == null) {
            return Outcome.waitsFor(POST_AMEND_TARGET_NOT_FOUND);
        }
        if (original.isAmend()) {
            return Outcome.rejected(POST_AMEND_AMEND);
        }
        return authorized(amend, attributesOf(amend));
    }

    private Outcome store(ModelMessage store) {
        String ref = store.storeRef();
        if (ref != null && HashShape.isHashShaped(ref)) {
            ModelMessage target = validOfType(ref, MessageType.STORE);
            if (target == null) {
                return Outcome.waitsFor(STORE_REF_NOT_FOUND);
            }
            if (target.storeRef() != null) {
                return Outcome.rejected(STORE_UPDATE_UPDATE);
            }
        }
        return authorized(store, attributesOf(store));
    }

    private Outcome vm(ModelMessage vm) {
        String replaces = vm.replaces();
        if (replaces != null) {
            ModelMessage target = byHash.get(replaces);
            if (target == null || !target.isVm() || !outcome(target).valid()) {
                return Outcome.waitsFor(VM_REF_NOT_FOUND);
            }
            if (target.replaces() != null) {
                return Outcome.rejected(VM_UPDATE_UPDATE);
            }
            if (!target.allowAmend()) {
                return Outcome.rejected(VM_AMEND_NOT_ALLOWED);
            }
        }
        for (VolumeRefs.VolumeRef volume : VolumeRefs.of(vm)) {
            if (!stores.has(volume)) {
                return Outcome.waitsFor(VM_VOLUME_NOT_FOUND);
            }
        }
        return authorized(vm, attributesOf(vm));
    }

    private Outcome forget(ModelMessage forget) {
        List<String> hashes = forget.forgetHashes();
        List<String> keys = forget.forgetAggregates();
        if (hashes.isEmpty() && keys.isEmpty()) {
            return Outcome.rejected(FORGET_NO_TARGET);
        }
        for (String hash : hashes) {
            ModelMessage target = byHash.get(hash);
            if (target != null && target.type() == MessageType.FORGET) {
                return Outcome.rejected(FORGET_FORGET);
            }
        }
        for (String hash : hashes) {
            ModelMessage target = byHash.get(hash);
            if (target == null || !outcome(target).valid()) {
                return Outcome.waitsFor(FORGET_TARGET_NOT_FOUND);
            }
        }
        for (String key : keys) {
            if (validElements(key).isEmpty()) {
                return Outcome.waitsFor(FORGET_TARGET_NOT_FOUND);
            }
        }
        for (String hash : hashes) {
            if (!mayForget(forget.sender(), byHash.get(hash))) {
                return Outcome.waitsFor(PERMISSION_DENIED);
            }
        }
        for (String key : keys) {
            for (ModelMessage element : validElements(key)) {
                if (!mayForget(forget.sender(), element)) {
                    return Outcome.waitsFor(PERMISSION_DENIED);
                }
            }
        }
        return Outcome.VALID;
    }

    /** The valid AGGREGATE messages of {@code (O, key)}. */
    List<ModelMessage> validElements(String key) {
        return elementsByKey.getOrDefault(key, List.of()).stream().filter(e -> outcome(e).valid()).toList();
    }

    /**
     * A FORGET sender may forget a (valid) target when it could have sent it: the owner always; a
     * delegate never for a security element (only the owner may write those), else when authorized
     * with the target's attributes (an amend's are its original's).
     */
    private boolean mayForget(String sender, ModelMessage target) {
        if (Ascii.lower(sender).equals(Ascii.lower(owner))) {
            return true;
        }
        if (target.isSecurityElement()) {
            return false;
        }
        return delegations.authorize(sender, attributesOf(target));
    }

    private Outcome authorized(ModelMessage message, AuthAttributes attributes) {
        if (message.sentByOwner() || delegations.authorize(message.sender(), attributes)) {
            return Outcome.VALID;
        }
        return Outcome.waitsFor(PERMISSION_DENIED);
    }

    /**
     * The attributes a message is authorized with: its own, except that an amend takes its
     * original's chain, channel and post type (only called once the original is found).
     */
    private AuthAttributes attributesOf(ModelMessage message) {
        switch (message.type()) {
            case POST:
                ModelMessage source = message.isAmend() ? byHash.get(message.amendedHash()) : message;
                return new AuthAttributes(MessageType.POST, source.chain(), source.channel(), source.postType(), null);
            case AGGREGATE:
                return new AuthAttributes(
                        MessageType.AGGREGATE, message.chain(), message.channel(), null, message.aggregateKey());
            default:
                return new AuthAttributes(message.type(), message.chain(), message.channel(), null, null);
        }
    }

    /** The message of {@code A_O} with this hash when it has this type and is valid, else null. */
    private ModelMessage validOfType(String hash, MessageType type) {
        ModelMessage target = byHash.get(hash);
        if (target == null || target.type() != type || !outcome(target).valid()) {
            return null;
        }
        return target;
    }
}
