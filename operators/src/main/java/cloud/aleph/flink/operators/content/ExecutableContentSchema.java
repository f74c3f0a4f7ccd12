package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields PROGRAM, INSTANCE and V-PROGRAM share (aleph-message {@code BaseExecutableContent},
 * spec §4.5): {@code allow_amend}, {@code metadata}, {@code authorized_keys}, {@code variables},
 * {@code resources}, {@code requirements} and {@code replaces}. {@code environment},
 * {@code payment} and {@code volumes} differ per type and are read by each schema.
 */
final class ExecutableContentSchema {

    /** What the per-type model rules look at. */
    record Common(boolean hasVariables, boolean hasAuthorizedKeys, HostRequirementsSchema.Requirements requirements) {}

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");

    private ExecutableContentSchema() {}

    /** Opens the content (extra keys forbidden) and reads the base and shared fields. */
    static ModelObject open(JsonNode content) throws ContentFormatException {
        return BaseContentSchema.open(content, ExtraFields.FORBID);
    }

    static Common readCommon(ModelObject executable) throws ContentFormatException {
        executable.requiredBool("allow_amend");
        executable.optDict("metadata", ContentLimits.MAX_METADATA_ENTRIES);
        List<JsonNode> keys = executable.optList("authorized_keys", ContentLimits.MAX_AUTHORIZED_KEYS);
        if (keys != null) {
            for (int i = 0; i < keys.size(); i++) {
                LaxCoercion.str(keys.get(i), executable.loc("authorized_keys") + "." + i,
                        ContentLimits.MAX_AUTHORIZED_KEY_LENGTH);
            }
        }
        ObjectNode variables = executable.optDict("variables", ContentLimits.MAX_VARIABLE_ENTRIES);
        if (variables != null) {
            readVariables(variables, executable.loc("variables"));
        }
        readResources(executable.requiredModel("resources", ExtraFields.IGNORE));
        HostRequirementsSchema.Requirements requirements = HostRequirementsSchema.read(executable);
        executable.optStr("replaces", ContentLimits.MAX_REPLACES_LENGTH);
        return new Common(variables != null && variables.size() > 0, keys != null && !keys.isEmpty(), requirements);
    }

    private static void readVariables(ObjectNode variables, String loc) throws ContentFormatException {
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            String entryLoc = loc + "." + variable.getKey();
            LaxCoercion.checkLength(variable.getKey(), entryLoc + ".[key]", ContentLimits.MAX_VARIABLE_KEY_LENGTH);
            LaxCoercion.str(variable.getValue(), entryLoc, ContentLimits.MAX_VARIABLE_VALUE_LENGTH);
        }
    }

    /** {@code MachineResources} (extra keys ignored): vcpus, memory and seconds with defaults and bounds, ports. */
    private static void readResources(ModelObject resources) throws ContentFormatException {
        resources.intOrDefault("vcpus", ContentLimits.DEFAULT_VCPUS, 1, ContentLimits.MAX_VCPUS);
        resources.intOrDefault("memory", ContentLimits.DEFAULT_MEMORY_MIB, 1, ContentLimits.MAX_MEMORY_MIB);
        resources.intOrDefault("seconds", ContentLimits.DEFAULT_SECONDS, 1, ContentLimits.MAX_SECONDS);
        List<JsonNode> ports = resources.optList("published_ports", Integer.MAX_VALUE);
        if (ports != null) {
            for (int i = 0; i < ports.size(); i++) {
                ModelObject port = ModelObject.of(ports.get(i), resources.loc("published_ports") + "." + i,
                        ExtraFields.IGNORE);
                port.oneOfOrDefault("protocol", "tcp", PROTOCOLS);
                port.requiredInt("port", ContentLimits.MIN_PORT, ContentLimits.MAX_PORT);
                port.finish();
            }
        }
        resources.finish();
    }

    /** {@code Optional[Payment]} as PROGRAM and INSTANCE declare it. @return the type, null when absent */
    static String readOptionalPayment(ModelObject executable) throws ContentFormatException {
        ModelObject payment = executable.optModel("payment", ExtraFields.IGNORE);
        return payment == null ? null : PaymentSchema.read(payment);
    }
}
