package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.MessageType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The STOREs of the whole accepted set, for VM volumes (§6): a ref exists iff some accepted STORE
 * (any owner, any status, forgotten or not; inline or not) has that item_hash, or — when
 * {@code use_latest} is true — some inline accepted STORE has {@code content.ref} equal to it.
 */
final class AcceptedStores {

    private final Set<String> hashes = new HashSet<>();
    private final Set<String> refs = new HashSet<>();

    static AcceptedStores of(Collection<ModelMessage> accepted) {
        AcceptedStores stores = new AcceptedStores();
        for (ModelMessage message : accepted) {
            if (message.type() != MessageType.STORE) {
                continue;
            }
            stores.hashes.add(message.hash());
            if (message.inline() && message.storeRef() != null) {
                stores.refs.add(message.storeRef());
            }
        }
        return stores;
    }

    boolean has(VolumeRefs.VolumeRef volume) {
        return hashes.contains(volume.ref()) || (volume.useLatest() && refs.contains(volume.ref()));
    }
}
