package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * V-PROGRAM content (aleph-message {@code VerifiableProgramContent} at the commit pyaleph pins,
 * spec §4.6): the executable base with a credit {@code payment} (required), an environment of
 * {@code internet} only, a measured {@code runtime}, a verity-bound {@code workload}, the SEV-SNP
 * {@code verification} and at most {@link ContentLimits#MAX_VERIFIED_VOLUMES} verified volumes;
 * {@code variables} and {@code authorized_keys} must be empty. Every nested model forbids extra keys.
 *
 * <p>The pinned model has no immutability rule: {@code allow_amend = true} and a {@code replaces}
 * pass. Later aleph-message versions (the ones spec §4.6 was read from) refuse them; pyaleph pins
 * 08898ecd, whose {@code vprogram.py} does not.
 */
final class VProgramContentSchema {

    /** dm-verity root hash; pydantic's Rust regex anchors {@code $} at the very end (no trailing newline). */
    private static final Pattern ROOTHASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");
    private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger RESERVED_BIT_17 = BigInteger.valueOf(ContentLimits.SNP_POLICY_RESERVED_BIT_17);

    private VProgramContentSchema() {}

    static void validate(JsonNode content) throws ContentFormatException {
        ModelObject vprogram = ExecutableContentSchema.open(content);
        ExecutableContentSchema.Common common = ExecutableContentSchema.readCommon(vprogram);
        ModelObject environment = vprogram.requiredModel("environment", ExtraFields.FORBID);
        environment.boolOrDefault("internet", false);
        environment.finish();
        String payment = PaymentSchema.read(vprogram.requiredModel("payment", ExtraFields.IGNORE));
        readRuntime(vprogram.requiredModel("runtime", ExtraFields.FORBID));
        readWorkload(vprogram.requiredModel("workload", ExtraFields.FORBID));
        readVerification(vprogram.requiredModel("verification", ExtraFields.FORBID));
        List<JsonNode> volumes = vprogram.listOrEmpty("volumes", ContentLimits.MAX_VERIFIED_VOLUMES);
        for (int i = 0; i < volumes.size(); i++) {
            ModelObject volume = ModelObject.of(volumes.get(i), vprogram.loc("volumes") + "." + i, ExtraFields.FORBID);
            readVerityBound(volume);
            volume.strOrDefault("comment", "", ContentLimits.MAX_RUNTIME_COMMENT_LENGTH);
            volume.finish();
        }
        vprogram.finish();

        if (!PaymentSchema.CREDIT.equals(payment)) {
            throw modelError("V-Programs are credit-only: holder-tier and PAYG stream payments are not supported");
        }
        if (common.hasVariables()) {
            throw modelError("variables are not supported for V-Programs");
        }
        if (common.hasAuthorizedKeys()) {
            throw modelError("authorized_keys are not supported for V-Programs");
        }
    }

    private static void readRuntime(ModelObject runtime) throws ContentFormatException {
        runtime.requiredItemHash("ref");
        runtime.strOrDefault("comment", "", ContentLimits.MAX_RUNTIME_COMMENT_LENGTH);
        runtime.finish();
    }

    private static void readWorkload(ModelObject workload) throws ContentFormatException {
        readVerityBound(workload);
        workload.finish();
    }

    /** {@code ref} and {@code hash_tree} STORE hashes and the dm-verity {@code roothash}. */
    private static void readVerityBound(ModelObject volume) throws ContentFormatException {
        volume.requiredItemHash("ref");
        volume.requiredItemHash("hash_tree");
        String roothash = volume.requiredStr("roothash");
        if (!ROOTHASH.matcher(roothash).matches()) {
            throw new ContentFormatException(
                    volume.loc("roothash") + ": String should match pattern '^[0-9a-f]{64}$'");
        }
    }

    /** {@code TeeVerification}: backend sev_snp, a 64-bit SNP policy with bit 17 set, 1..16 measurements. */
    private static void readVerification(ModelObject verification) throws ContentFormatException {
        verification.requiredOneOf("backend", Set.of("sev_snp"));
        BigInteger policy = verification.intOrDefault("policy", ContentLimits.DEFAULT_SNP_POLICY);
        String policyLoc = verification.loc("policy");
        if (policy.signum() < 0) {
            throw new ContentFormatException(policyLoc + ": Input should be greater than or equal to 0");
        }
        if (policy.compareTo(TWO_POW_64) >= 0) {
            throw new ContentFormatException(policyLoc + ": Input should be less than 18446744073709551616");
        }
        List<JsonNode> measurements = verification.requiredList("measurements", ContentLimits.MAX_MEASUREMENTS);
        if (measurements.isEmpty()) {
            throw new ContentFormatException(
                    verification.loc("measurements") + ": List should have at least 1 item after validation, not 0");
        }
        for (int i = 0; i < measurements.size(); i++) {
            readMeasurement(ModelObject.of(
                    measurements.get(i), verification.loc("measurements") + "." + i, ExtraFields.FORBID));
        }
        verification.finish();
        if (policy.and(RESERVED_BIT_17).signum() == 0) {
            throw new ContentFormatException(verification.loc()
                    + ": Value error, SEV-SNP guest policy must have reserved bit 17 set");
        }
    }

    /** {@code LaunchMeasurement}: platform sev_snp, a 96-hex-digit launch digest, an optional vCPU type. */
    private static void readMeasurement(ModelObject measurement) throws ContentFormatException {
        measurement.requiredOneOf("platform", Set.of("sev_snp"));
        String digest = measurement.requiredStr("digest", ContentLimits.MAX_DIGEST_LENGTH);
        if (!LOWER_HEX.matcher(digest).matches()) {
            throw new ContentFormatException(measurement.loc("digest") + ": String should match pattern '^[0-9a-f]+$'");
        }
        measurement.optStr("vcpu_type", ContentLimits.MAX_VCPU_TYPE_LENGTH);
        measurement.finish();
        if (digest.length() != ContentLimits.SEV_SNP_DIGEST_HEX_LENGTH) {
            throw new ContentFormatException(measurement.loc() + ": Value error, sev_snp digest must be "
                    + ContentLimits.SEV_SNP_DIGEST_HEX_LENGTH + " hex characters, got " + digest.length());
        }
    }

    private static ContentFormatException modelError(String message) {
        return new ContentFormatException(BaseContentSchema.ROOT + ": Value error, " + message);
    }
}
