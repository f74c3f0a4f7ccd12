package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The volumes of PROGRAM and INSTANCE (aleph-message {@code MachineVolume}, spec §4.5): each item
 * must fit one of immutable {@code {ref, use_latest}}, ephemeral {@code {ephemeral, size_mib}} or
 * persistent {@code {parent?, persistence?, name?, size_mib}}, all with {@code comment?},
 * {@code mount?} and extra keys forbidden. Sizes are strict integers (no floats, strings or
 * booleans). Also the parent volume shared with an instance's rootfs.
 */
final class MachineVolumeSchema {

    static final Set<String> PERSISTENCE = Set.of("host", "store");

    private MachineVolumeSchema() {}

    static void readVolumes(ModelObject executable) throws ContentFormatException {
        List<JsonNode> volumes = executable.listOrEmpty("volumes", ContentLimits.MAX_VOLUMES);
        for (int i = 0; i < volumes.size(); i++) {
            readVolume(volumes.get(i), executable.loc("volumes") + "." + i);
        }
    }

    /** A smart union: the item is valid when any of the three variants accepts it. */
    private static void readVolume(JsonNode volume, String loc) throws ContentFormatException {
        StringBuilder reasons = new StringBuilder();
        try {
            readImmutable(ModelObject.of(volume, loc, ExtraFields.FORBID));
            return;
        } catch (ContentFormatException e) {
            reasons.append("immutable: ").append(e.getMessage());
        }
        try {
            readEphemeral(ModelObject.of(volume, loc, ExtraFields.FORBID));
            return;
        } catch (ContentFormatException e) {
            reasons.append("; ephemeral: ").append(e.getMessage());
        }
        try {
            readPersistent(ModelObject.of(volume, loc, ExtraFields.FORBID));
            return;
        } catch (ContentFormatException e) {
            reasons.append("; persistent: ").append(e.getMessage());
        }
        throw new ContentFormatException(loc + ": Input matches no volume type (" + reasons + ")");
    }

    private static void readLabels(ModelObject volume) throws ContentFormatException {
        volume.optStr("comment", ContentLimits.MAX_VOLUME_LABEL_LENGTH);
        volume.optStr("mount", ContentLimits.MAX_VOLUME_LABEL_LENGTH);
    }

    private static void readImmutable(ModelObject volume) throws ContentFormatException {
        readLabels(volume);
        volume.requiredItemHash("ref");
        volume.boolOrDefault("use_latest", true);
        volume.finish();
    }

    private static void readEphemeral(ModelObject volume) throws ContentFormatException {
        readLabels(volume);
        JsonNode ephemeral = volume.raw("ephemeral");
        if (ephemeral != null) {
            LaxCoercion.literalTrue(ephemeral, volume.loc("ephemeral"));
        }
        volume.requiredStrictInt("size_mib", 1, ContentLimits.MAX_EPHEMERAL_VOLUME_MIB);
        volume.finish();
    }

    private static void readPersistent(ModelObject volume) throws ContentFormatException {
        readLabels(volume);
        ModelObject parent = volume.optModel("parent", ExtraFields.IGNORE);
        if (parent != null) {
            readParent(parent);
        }
        volume.optOneOf("persistence", PERSISTENCE);
        volume.optStr("name", ContentLimits.MAX_VOLUME_LABEL_LENGTH);
        volume.requiredStrictInt("size_mib", 1, ContentLimits.MAX_PERSISTENT_VOLUME_MIB);
        volume.finish();
    }

    /** {@code ParentVolume}: {@code {ref, use_latest = true}}, extra keys ignored. */
    static void readParent(ModelObject parent) throws ContentFormatException {
        parent.requiredItemHash("ref");
        parent.boolOrDefault("use_latest", true);
        parent.finish();
    }
}
