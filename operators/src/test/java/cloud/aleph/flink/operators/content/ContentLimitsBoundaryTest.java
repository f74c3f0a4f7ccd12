package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every inline limit of the content schemas: one below, at and one above each bound. */
class ContentLimitsBoundaryTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HASH = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    private record Case(String name, ContentBases base, String pointer, JsonNode value, boolean valid) {
        @Override
        public String toString() {
            return name + " -> " + (valid ? "valid" : "invalid");
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void check(String name, ContentBases base, String pointer, JsonNode value, boolean valid) {
        CASES.add(new Case(name, base, pointer, value, valid));
    }

    /** below-min (invalid), min, min+1, max-1, max (valid), above-max (invalid). */
    private static void intRange(String name, ContentBases base, String pointer, long min, long max) {
        check(name + " = " + (min - 1), base, pointer, NODES.numberNode(min - 1), false);
        check(name + " = " + min, base, pointer, NODES.numberNode(min), true);
        check(name + " = " + (min + 1), base, pointer, NODES.numberNode(min + 1), true);
        check(name + " = " + (max - 1), base, pointer, NODES.numberNode(max - 1), true);
        check(name + " = " + max, base, pointer, NODES.numberNode(max), true);
        check(name + " = " + (max + 1), base, pointer, NODES.numberNode(max + 1), false);
    }

    private static void length(String name, ContentBases base, String pointer, int max) {
        check(name + " of " + (max - 1) + " chars", base, pointer, NODES.textNode("é".repeat(max - 1)), true);
        check(name + " of " + max + " chars", base, pointer, NODES.textNode("é".repeat(max)), true);
        check(name + " of " + (max + 1) + " chars", base, pointer, NODES.textNode("é".repeat(max + 1)), false);
    }

    private static void count(String name, ContentBases base, String pointer, int max, java.util.function.IntFunction<JsonNode> make) {
        check(name + " with " + (max - 1), base, pointer, make.apply(max - 1), true);
        check(name + " with " + max, base, pointer, make.apply(max), true);
        check(name + " with " + (max + 1), base, pointer, make.apply(max + 1), false);
    }

    private static ArrayNode listOf(int size, JsonNode item) {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            list.add(item.deepCopy());
        }
        return list;
    }

    private static ObjectNode dictOf(int size, JsonNode value) {
        ObjectNode dict = NODES.objectNode();
        for (int i = 0; i < size; i++) {
            dict.set("k" + i, value.deepCopy());
        }
        return dict;
    }

    static {
        // BaseContent.time, 0 ≤ time ≤ 9_223_372_036.0
        for (ContentBases base : ContentBases.values()) {
            check(base + " time below 0", base, "/time", NODES.numberNode(-0.001), false);
            check(base + " time 0", base, "/time", NODES.numberNode(0), true);
            check(base + " time max", base, "/time", NODES.numberNode(ContentLimits.MAX_CONTENT_TIME), true);
            check(base + " time just above max", base, "/time",
                    NODES.numberNode(Math.nextUp(ContentLimits.MAX_CONTENT_TIME)), false);
        }

        // FORGET
        count("hashes", ContentBases.FORGET, "/hashes", ContentLimits.MAX_FORGET_TARGETS,
                n -> listOf(n, NODES.textNode(HASH)));
        count("aggregates", ContentBases.FORGET, "/aggregates", ContentLimits.MAX_FORGET_TARGETS,
                n -> listOf(n, NODES.textNode(HASH)));
        length("reason", ContentBases.FORGET, "/reason", ContentLimits.MAX_FORGET_REASON_LENGTH);

        // POST ChainRef channel
        length("ref.channel", ContentBases.POST_CHAIN_REF, "/ref/channel", ContentLimits.MAX_CHANNEL_LENGTH);

        // resources, for each executable shape
        for (ContentBases base : List.of(ContentBases.PROGRAM, ContentBases.INSTANCE, ContentBases.V_PROGRAM)) {
            intRange(base + " vcpus", base, "/resources/vcpus", 1, ContentLimits.MAX_VCPUS);
            intRange(base + " memory", base, "/resources/memory", 1, ContentLimits.MAX_MEMORY_MIB);
            intRange(base + " seconds", base, "/resources/seconds", 1, ContentLimits.MAX_SECONDS);
            count(base + " metadata", base, "/metadata", ContentLimits.MAX_METADATA_ENTRIES,
                    n -> dictOf(n, NODES.numberNode(1)));
            length(base + " replaces", base, "/replaces", ContentLimits.MAX_REPLACES_LENGTH);
            length(base + " address_regex", base, "/requirements/node/address_regex",
                    ContentLimits.MAX_ADDRESS_REGEX_LENGTH);
        }
        intRange("published port", ContentBases.PROGRAM, "/resources/published_ports/0/port",
                ContentLimits.MIN_PORT, ContentLimits.MAX_PORT);

        // PROGRAM and INSTANCE inputs (V-PROGRAM refuses any)
        for (ContentBases base : List.of(ContentBases.PROGRAM, ContentBases.INSTANCE)) {
            count(base + " authorized_keys", base, "/authorized_keys", ContentLimits.MAX_AUTHORIZED_KEYS,
                    n -> listOf(n, NODES.textNode("ssh-ed25519 AAAA")));
            length(base + " authorized key", base, "/authorized_keys/0", ContentLimits.MAX_AUTHORIZED_KEY_LENGTH);
            count(base + " variables", base, "/variables", ContentLimits.MAX_VARIABLE_ENTRIES,
                    n -> dictOf(n, NODES.textNode("v")));
            length(base + " variable value", base, "/variables/VM_CUSTOM_VARIABLE",
                    ContentLimits.MAX_VARIABLE_VALUE_LENGTH);
            for (int keyLength : new int[] {ContentLimits.MAX_VARIABLE_KEY_LENGTH - 1,
                    ContentLimits.MAX_VARIABLE_KEY_LENGTH, ContentLimits.MAX_VARIABLE_KEY_LENGTH + 1}) {
                ObjectNode variables = NODES.objectNode().put("K".repeat(keyLength), "v");
                check(base + " variable key of " + keyLength + " chars", base, "/variables", variables,
                        keyLength <= ContentLimits.MAX_VARIABLE_KEY_LENGTH);
            }
            ObjectNode ephemeral = NODES.objectNode().put("ephemeral", true).put("size_mib", 5);
            count(base + " volumes", base, "/volumes", ContentLimits.MAX_VOLUMES, n -> listOf(n, ephemeral));
            intRange(base + " ephemeral size_mib", base, "/volumes/1/size_mib", 1,
                    ContentLimits.MAX_EPHEMERAL_VOLUME_MIB);
            intRange(base + " persistent size_mib", base, "/volumes/2/size_mib", 1,
                    ContentLimits.MAX_PERSISTENT_VOLUME_MIB);
            length(base + " volume comment", base, "/volumes/0/comment", ContentLimits.MAX_VOLUME_LABEL_LENGTH);
            length(base + " volume mount", base, "/volumes/0/mount", ContentLimits.MAX_VOLUME_LABEL_LENGTH);
            length(base + " volume name", base, "/volumes/2/name", ContentLimits.MAX_VOLUME_LABEL_LENGTH);
        }
        intRange("rootfs size_mib", ContentBases.INSTANCE, "/rootfs/size_mib", 1,
                ContentLimits.MAX_PERSISTENT_VOLUME_MIB);
        count("subscription entries", ContentBases.PROGRAM, "/on/message/0", ContentLimits.MAX_SUBSCRIPTION_ENTRIES,
                n -> dictOf(n, NODES.textNode("x")));

        // V-PROGRAM
        ObjectNode verified = NODES.objectNode().put("ref", HASH).put("hash_tree", HASH).put("roothash", HASH);
        count("verified volumes", ContentBases.V_PROGRAM, "/volumes", ContentLimits.MAX_VERIFIED_VOLUMES,
                n -> listOf(n, verified));
        length("runtime comment", ContentBases.V_PROGRAM, "/runtime/comment", ContentLimits.MAX_RUNTIME_COMMENT_LENGTH);
        length("verified volume comment", ContentBases.V_PROGRAM, "/volumes/0/comment",
                ContentLimits.MAX_RUNTIME_COMMENT_LENGTH);
        length("vcpu_type", ContentBases.V_PROGRAM, "/verification/measurements/0/vcpu_type",
                ContentLimits.MAX_VCPU_TYPE_LENGTH);
        JsonNode measurement = ContentBases.V_PROGRAM.content().at("/verification/measurements/0");
        check("no measurement", ContentBases.V_PROGRAM, "/verification/measurements", listOf(0, measurement), false);
        count("measurements", ContentBases.V_PROGRAM, "/verification/measurements", ContentLimits.MAX_MEASUREMENTS,
                n -> listOf(n, measurement));
        for (int digits : new int[] {95, 96, 97, 128, 129}) {
            check("digest of " + digits + " hex digits", ContentBases.V_PROGRAM,
                    "/verification/measurements/0/digest", NODES.textNode("a".repeat(digits)),
                    digits == ContentLimits.SEV_SNP_DIGEST_HEX_LENGTH);
        }
        BigInteger twoPow64 = BigInteger.ONE.shiftLeft(64);
        check("policy -1", ContentBases.V_PROGRAM, "/verification/policy", NODES.numberNode(-1), false);
        check("policy 0x30000", ContentBases.V_PROGRAM, "/verification/policy", NODES.numberNode(0x30000), true);
        check("policy 2^64 - 1", ContentBases.V_PROGRAM, "/verification/policy",
                NODES.numberNode(twoPow64.subtract(BigInteger.ONE)), true);
        check("policy 2^64 + 2^17", ContentBases.V_PROGRAM, "/verification/policy",
                NODES.numberNode(twoPow64.add(BigInteger.ONE.shiftLeft(17))), false);
        check("policy without bit 17", ContentBases.V_PROGRAM, "/verification/policy", NODES.numberNode(0x10000), false);
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void limitHolds(Case c) {
        ObjectNode content = c.base().content();
        ContentTestSupport.put(content, c.pointer(), c.value());

        String reason = c.base().reasonFor(content);

        if (c.valid()) {
            assertThat(reason).as(c.name()).isNull();
        } else {
            assertThat(reason).as(c.name()).isNotNull();
            // the reason names the bounded field, or the model holding it for model-level rules
            String fieldLoc = "content" + c.pointer().replace('/', '.');
            String reasonLoc = reason.substring(0, reason.indexOf(": "));
            assertThat(fieldLoc.startsWith(reasonLoc) || reasonLoc.startsWith(fieldLoc))
                    .as("%s: %s", c.name(), reason)
                    .isTrue();
            assertThat(reasonLoc).as(c.name()).isNotEqualTo("content");
        }
    }
}
