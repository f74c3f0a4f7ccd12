package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * PROGRAM content (aleph-message {@code ProgramContent}, spec §4.5): the executable base plus
 * {@code type: "vm-function"}, {@code code}, {@code runtime}, {@code data?}, {@code export?} and
 * {@code on}. Its {@code environment} is declared as {@code FunctionEnvironment | InstanceEnvironment};
 * as every key of the first is also in the second with the same type, the union accepts exactly
 * what {@code FunctionEnvironment} accepts (four lax booleans, other keys ignored).
 */
final class ProgramContentSchema {

    static final String VM_FUNCTION = "vm-function";

    private static final Set<String> ENCODINGS = Set.of("plain", "zip", "squashfs");
    private static final Set<String> INTERFACES = Set.of("asgi", "binary");

    private ProgramContentSchema() {}

    static void validate(JsonNode content) throws ContentFormatException {
        ModelObject program = ExecutableContentSchema.open(content);
        ExecutableContentSchema.readCommon(program);
        readEnvironment(program.requiredModel("environment", ExtraFields.IGNORE));
        ExecutableContentSchema.readOptionalPayment(program);
        MachineVolumeSchema.readVolumes(program);
        program.requiredOneOf("type", Set.of(VM_FUNCTION));
        readCode(program.requiredModel("code", ExtraFields.IGNORE));
        readRuntime(program.requiredModel("runtime", ExtraFields.IGNORE));
        ModelObject data = program.optModel("data", ExtraFields.IGNORE);
        if (data != null) {
            data.requiredOneOf("encoding", ENCODINGS);
            data.requiredStr("mount");
            data.requiredItemHash("ref");
            data.optBool("use_latest");
            data.finish();
        }
        ModelObject export = program.optModel("export", ExtraFields.IGNORE);
        if (export != null) {
            export.requiredOneOf("encoding", ENCODINGS);
            export.requiredStr("mount");
            export.finish();
        }
        readTriggers(program.requiredModel("on", ExtraFields.FORBID));
        program.finish();
    }

    /** {@code FunctionEnvironment}: reproducible, internet, aleph_api, shared_cache. */
    private static void readEnvironment(ModelObject environment) throws ContentFormatException {
        environment.boolOrDefault("reproducible", false);
        environment.boolOrDefault("internet", false);
        environment.boolOrDefault("aleph_api", false);
        environment.boolOrDefault("shared_cache", false);
        environment.finish();
    }

    /** {@code CodeContent}: the STORE holding the code, its encoding and entrypoint. */
    private static void readCode(ModelObject code) throws ContentFormatException {
        code.requiredOneOf("encoding", ENCODINGS);
        code.requiredStr("entrypoint");
        code.requiredItemHash("ref");
        code.optOneOf("interface", INTERFACES);
        List<JsonNode> args = code.optList("args", Integer.MAX_VALUE);
        if (args != null) {
            for (int i = 0; i < args.size(); i++) {
                LaxCoercion.str(args.get(i), code.loc("args") + "." + i);
            }
        }
        code.boolOrDefault("use_latest", false);
        code.finish();
    }

    /** {@code FunctionRuntime}: the root filesystem, with a required comment. */
    private static void readRuntime(ModelObject runtime) throws ContentFormatException {
        runtime.requiredItemHash("ref");
        runtime.boolOrDefault("use_latest", true);
        runtime.requiredStr("comment");
        runtime.finish();
    }

    /** {@code FunctionTriggers}: {@code http} (required), message subscriptions, persistent. */
    private static void readTriggers(ModelObject on) throws ContentFormatException {
        on.requiredBool("http");
        List<JsonNode> subscriptions = on.optList("message", Integer.MAX_VALUE);
        if (subscriptions != null) {
            for (int i = 0; i < subscriptions.size(); i++) {
                ModelObject subscription =
                        ModelObject.of(subscriptions.get(i), on.loc("message") + "." + i, ExtraFields.ALLOW);
                int entries = subscription.undeclaredKeys().size();
                if (entries > ContentLimits.MAX_SUBSCRIPTION_ENTRIES) {
                    throw new ContentFormatException(subscription.loc() + ": Value error, Subscription has "
                            + entries + " entries, maximum allowed is " + ContentLimits.MAX_SUBSCRIPTION_ENTRIES);
                }
            }
        }
        on.optBool("persistent");
        on.finish();
    }
}
