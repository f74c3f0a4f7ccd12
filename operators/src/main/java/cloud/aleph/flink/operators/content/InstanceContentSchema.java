package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * INSTANCE content (aleph-message {@code InstanceContent}, spec §4.5): the executable base plus an
 * {@code InstanceEnvironment} and a {@code rootfs}, then the model-level rules on requirements:
 * PAYG/credit needs {@code node_hash}; GPUs need {@code node_hash} and {@code hypervisor ==
 * "qemu"}; {@code terms_and_conditions} needs {@code node_hash} and PAYG/credit or a TEE. The
 * rules only run when {@code requirements} is set.
 */
final class InstanceContentSchema {

    static final String QEMU = "qemu";

    private static final Set<String> HYPERVISORS = Set.of(QEMU, "firecracker");

    private record Environment(String hypervisor, boolean trustedExecution) {}

    private InstanceContentSchema() {}

    static void validate(JsonNode content) throws ContentFormatException {
        ModelObject instance = ExecutableContentSchema.open(content);
        ExecutableContentSchema.Common common = ExecutableContentSchema.readCommon(instance);
        Environment environment = readEnvironment(instance.requiredModel("environment", ExtraFields.IGNORE));
        String payment = ExecutableContentSchema.readOptionalPayment(instance);
        MachineVolumeSchema.readVolumes(instance);
        readRootfs(instance.requiredModel("rootfs", ExtraFields.IGNORE));
        instance.finish();
        checkRequirements(common.requirements(), payment, environment);
    }

    private static Environment readEnvironment(ModelObject environment) throws ContentFormatException {
        environment.boolOrDefault("internet", false);
        environment.boolOrDefault("aleph_api", false);
        String hypervisor = environment.optOneOf("hypervisor", HYPERVISORS);
        JsonNode trusted = environment.raw("trusted_execution");
        // The reference's "before" validator tests the raw value's truthiness: an empty object
        // passes with any hypervisor and becomes a default TEE.
        if (trusted != null && PythonTruthiness.isTruthy(trusted) && !QEMU.equals(hypervisor)) {
            throw new ContentFormatException(environment.loc("trusted_execution")
                    + ": Value error, Trusted Execution Environment is only supported for QEmu");
        }
        boolean hasTrustedExecution = false;
        if (!LaxCoercion.isNone(trusted)) {
            ModelObject tee = ModelObject.of(trusted, environment.loc("trusted_execution"), ExtraFields.FORBID);
            tee.optItemHash("firmware");
            tee.intOrDefault("policy", 1);
            tee.finish();
            hasTrustedExecution = true;
        }
        environment.boolOrDefault("reproducible", false);
        environment.boolOrDefault("shared_cache", false);
        environment.finish();
        return new Environment(hypervisor, hasTrustedExecution);
    }

    /** {@code RootfsVolume}: a parent image copied to a persistent root of {@code size_mib} (strict int). */
    private static void readRootfs(ModelObject rootfs) throws ContentFormatException {
        MachineVolumeSchema.readParent(rootfs.requiredModel("parent", ExtraFields.IGNORE));
        rootfs.requiredOneOf("persistence", MachineVolumeSchema.PERSISTENCE);
        rootfs.requiredStrictInt("size_mib", 1, ContentLimits.MAX_PERSISTENT_VOLUME_MIB);
        List<JsonNode> forgottenBy = rootfs.optList("forgotten_by", Integer.MAX_VALUE);
        if (forgottenBy != null) {
            for (int i = 0; i < forgottenBy.size(); i++) {
                LaxCoercion.str(forgottenBy.get(i), rootfs.loc("forgotten_by") + "." + i);
            }
        }
        rootfs.finish();
    }

    private static void checkRequirements(
            HostRequirementsSchema.Requirements requirements, String payment, Environment environment)
            throws ContentFormatException {
        if (requirements == null) {
            return;
        }
        boolean streamOrCredit = payment != null && PaymentSchema.isStreamOrCredit(payment);
        if (streamOrCredit && !requirements.hasNodeHash()) {
            throw modelError("Node hash assignment is needed for PAYG or Credit payments");
        }
        if (requirements.requiresGpu()) {
            if (!requirements.hasNodeHash()) {
                throw modelError("Node hash assignment is needed for GPU support");
            }
            if (!QEMU.equals(environment.hypervisor())) {
                throw modelError("GPU option is only supported for QEmu hypervisor");
            }
        }
        if (requirements.hasTermsAndConditions()) {
            if (!requirements.hasNodeHash()) {
                throw modelError("Terms_and_conditions field needs a requirements.node.node_hash value");
            }
            if (!streamOrCredit && !environment.trustedExecution()) {
                throw modelError("Only PAYG/CoCo/Credit instances can have a terms_and_conditions");
            }
        }
    }

    private static ContentFormatException modelError(String message) {
        return new ContentFormatException(BaseContentSchema.ROOT + ": Value error, " + message);
    }
}
