package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The volume refs a PROGRAM or INSTANCE waits for (§6), with their {@code use_latest} and the
 * schema defaults: program {@code code} false, {@code runtime} true, {@code data} false (also when
 * null); instance {@code rootfs.parent} true; immutable volumes ({@code {ref, …}}) true; persistent
 * volumes' {@code parent} true. Ephemeral volumes have no ref.
 */
final class VolumeRefs {

    /** One ref and how it may be satisfied. */
    record VolumeRef(String ref, boolean useLatest) {}

    private VolumeRefs() {}

    static List<VolumeRef> of(ModelMessage vm) {
        JsonNode content = vm.content();
        List<VolumeRef> refs = new ArrayList<>();
        if (vm.type() == MessageType.PROGRAM) {
            add(refs, content.get("code"), false);
            add(refs, content.get("runtime"), true);
            add(refs, content.get("data"), false);
        } else {
            add(refs, content.get("rootfs").get("parent"), true);
        }
        JsonNode volumes = content.get("volumes");
        if (volumes != null && volumes.isArray()) {
            for (JsonNode volume : volumes) {
                if (present(volume.get("ref"))) {
                    add(refs, volume, true);
                } else if (present(volume.get("parent"))) {
                    add(refs, volume.get("parent"), true);
                }
            }
        }
        return refs;
    }

    private static void add(List<VolumeRef> refs, JsonNode holder, boolean defaultUseLatest) {
        if (holder == null || holder.isNull()) {
            return;
        }
        refs.add(new VolumeRef(holder.get("ref").textValue(), LaxValues.bool(holder, "use_latest", defaultUseLatest)));
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
