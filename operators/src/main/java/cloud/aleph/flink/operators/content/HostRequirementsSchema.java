package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * aleph-message {@code HostRequirements} of a VM (spec §4.5): {@code cpu}, {@code node} and
 * {@code gpu}, every level with extra keys forbidden; {@code node.address_regex} must compile as
 * a Python {@code re} pattern ({@link PythonRegexSyntax}).
 */
final class HostRequirementsSchema {

    /** What the INSTANCE model rules look at. */
    record Requirements(boolean hasNode, boolean hasNodeHash, boolean hasTermsAndConditions, boolean requiresGpu) {}

    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");
    private static final Set<String> GPU_DEVICE_CLASSES = Set.of("0300", "0302");

    private HostRequirementsSchema() {}

    /** @return null when {@code requirements} is absent or None */
    static Requirements read(ModelObject executable) throws ContentFormatException {
        ModelObject requirements = executable.optModel("requirements", ExtraFields.FORBID);
        if (requirements == null) {
            return null;
        }
        ModelObject cpu = requirements.optModel("cpu", ExtraFields.FORBID);
        if (cpu != null) {
            cpu.optOneOf("architecture", ARCHITECTURES);
            cpu.optStr("vendor");
            List<JsonNode> features = cpu.optList("features", Integer.MAX_VALUE);
            if (features != null) {
                for (int i = 0; i < features.size(); i++) {
                    LaxCoercion.str(features.get(i), cpu.loc("features") + "." + i);
                }
            }
            cpu.finish();
        }
        ModelObject node = requirements.optModel("node", ExtraFields.FORBID);
        boolean hasNodeHash = false;
        boolean hasTerms = false;
        if (node != null) {
            node.optStr("owner");
            String regex = node.optStr("address_regex", ContentLimits.MAX_ADDRESS_REGEX_LENGTH);
            if (regex != null) {
                String error = PythonRegexSyntax.compileError(regex);
                if (error != null) {
                    throw new ContentFormatException(
                            node.loc("address_regex") + ": Value error, Invalid regular expression: " + error);
                }
            }
            hasNodeHash = node.optItemHash("node_hash") != null;
            hasTerms = node.optItemHash("terms_and_conditions") != null;
            node.finish();
        }
        List<JsonNode> gpus = requirements.optList("gpu", Integer.MAX_VALUE);
        if (gpus != null) {
            for (int i = 0; i < gpus.size(); i++) {
                ModelObject gpu = ModelObject.of(gpus.get(i), requirements.loc("gpu") + "." + i, ExtraFields.FORBID);
                gpu.requiredStr("vendor");
                gpu.requiredStr("device_name");
                gpu.requiredOneOf("device_class", GPU_DEVICE_CLASSES);
                gpu.requiredStr("device_id");
                gpu.finish();
            }
        }
        requirements.finish();
        return new Requirements(node != null, hasNodeHash, hasTerms, gpus != null && !gpus.isEmpty());
    }
}
