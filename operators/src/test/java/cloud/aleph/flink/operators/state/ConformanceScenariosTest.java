package cloud.aleph.flink.operators.state;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.conformance.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario notes of the conformance README (group D and neighbours) that apply to the agreed
 * state. Not applicable as the reference tests run them: D21–D25 carry an item_content edited after
 * signing (the reference tests bypass intake; here they are rejected 0 at intake, so the 503 case
 * with D21/D22 and the D24 variant of D03 cannot be built); D17/D18 (and C06) are storage messages
 * whose content is not fetchable here (they wait with 3), so D19 and B05 never find their target.
 */
class ConformanceScenariosTest {

    private static final String D01 = "9f02e3b5efdbdc0b487359117ae3af40db654892487feae452689a0b84dc1025";
    private static final String D02 = "93776ad67063b955869a7fa705ea2987add39486e1ed5951e9842291cf0f566c";
    private static final String D03 = "53c2b16aa84b10878982a2920844625546f5db32337ecd9dd15928095a30381c";
    private static final String D04 = "0022ed09d16a1c3d6cbb3c7e2645657ebaa0382eba65be06264b106f528b85bf";
    private static final String D13 = "fc1e7b1edc2348eb78303fb1342e31e5ad3820249629032d37f8223e754a5f8e";
    private static final String D14 = "431a0d2f79ecfa859949d2a09f67068ce7ebd4eb777d179ad958be6c79abc66b";
    private static final String D15 = "f6fc4884e3ec3624bd3f60a3c37abf83a130777086061b1a373e659f2bab4d06";
    private static final String D16 = "5e40c8e2197e0678b5fba9cb1679e3a80fa6aeaa1a440d94f059525295fa32d3";
    private static final String D17 = "50635384e43c7af6b3297f6571644c30f3f07ac681bfd14b9c556c63e661a69e";
    private static final String D18 = "dbe8199004b052108ec19618f43af1d2baf5c04974d0aec1c4de2d02c44a2483";
    private static final String D19 = "0223e74dbae53b45da6a443fa18fd2a25f88677c82ed2de93f17ab24f78f58cf";
    private static final String AGGREGATE_OWNER = "0x720F319A9c3226dCDd7D8C49163D79EDa1084E98";

    @Test
    void d01AndD02MakeOneMergedPost() {
        JsonNode state = stateOf(31, 30);

        JsonNode post = state.get("posts").get(D01);
        assertThat(post.get("owner").textValue()).isEqualTo("0x696879aE4F6d8DaDD5b8F1cbb1e663B89b08f106");
        assertThat(post.get("type").textValue()).isEqualTo("test-post");
        assertThat(post.get("latest").textValue()).isEqualTo(D02);
        assertThat(PostRulesTest.texts(post.get("amends"))).containsExactly(D02);
        assertThat(post.get("content")).isEqualTo(StateMessages.parse(
                "{\"title\":\"My first blog post\",\"body\":\"Okay, I was a bit excited. Let's do it again.\"}"));
        assertThat(state.get("posts")).hasSize(1);
    }

    /**
     * The README's {a:1, c:3, d:4} is the result of D24, D03's hash with an edited item_content; the
     * real D03 carries {a:1, b:2}, so D03 then D04 (later content.time) give {a:1, b:2, c:3, d:4}.
     */
    @Test
    void d03AndD04MergeTheSameWayInBothOrders() {
        for (JsonNode state : List.of(stateOf(32, 33), stateOf(33, 32))) {
            JsonNode aggregate = state.get("aggregates").get(AGGREGATE_OWNER).get("test_reference");
            assertThat(aggregate.get("content")).isEqualTo(StateMessages.parse("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}"));
            assertThat(aggregate.get("revision").textValue()).isEqualTo(D04);
        }
    }

    @Test
    void d24IsRejectedAtIntakeSoD25AloneMakesTheAggregate() {
        JsonNode state = stateOf(53, 54);

        assertThat(status(state, D03)).isEqualTo("rejected 0");
        JsonNode aggregate = state.get("aggregates").get(AGGREGATE_OWNER).get("test_reference");
        assertThat(aggregate.get("content")).isEqualTo(StateMessages.parse("{\"c\":3,\"d\":4}"));
    }

    @Test
    void d13IsForgottenByD14() {
        JsonNode state = stateOf(43, 42);

        assertThat(status(state, D13)).isEqualTo("forgotten");
        assertThat(status(state, D14)).isEqualTo("processed");
        assertThat(PostRulesTest.texts(state.get("forgotten").get(D13).get("forgotten_by"))).containsExactly(D14);
        assertThat(state.get("posts")).isEmpty();
    }

    @Test
    void d15IsForgottenByD16AndItsTagIsGone() {
        JsonNode before = stateOf(44);
        assertThat(before.get("files").get(D15).get("file_hash").textValue())
                .isEqualTo("5ccdd7bccfbc5955e2e40166dd0cdea0b093154fd87bc2bea57e7c768cde2f21");

        JsonNode state = stateOf(45, 44);

        assertThat(status(state, D15)).isEqualTo("forgotten");
        assertThat(status(state, D16)).isEqualTo("processed");
        assertThat(state.get("files")).isEmpty();
    }

    @Test
    void withD21AndD22RejectedAtIntakeNothingUsesD15SoD16StillForgetsIt() {
        JsonNode state = stateOf(50, 51, 44, 45);

        assertThat(status(state, "63f07193e6ee9d207b7d1fcf8286f9aee34e6f12f101d2ec77c1229f92964696")).isEqualTo("rejected 0");
        assertThat(status(state, "81fe71c052eb17031d3273336e5bfc10b63eb5a3688e886d23d7a71940c8af1c")).isEqualTo("rejected 0");
        assertThat(status(state, D16)).isEqualTo("processed");
        assertThat(status(state, D15)).isEqualTo("forgotten");
    }

    @Test
    void d17AndD18HaveNoFetchableContentSoD19NeverFindsItsTarget() {
        JsonNode state = stateOf(46, 47, 48);

        assertThat(status(state, D17)).isEqualTo("rejected 3");
        assertThat(status(state, D18)).isEqualTo("rejected 3");
        assertThat(status(state, D19)).isEqualTo("rejected 501");
        assertThat(new ReferenceModel(false).state(lines(46, 47, 48)).get("statuses").get(D19).get("status").textValue())
                .isEqualTo("pending");
    }

    @Test
    void b05TargetsC06WhichFailsVerificationSoItWaits501Not502() {
        JsonNode state = stateOf(17, 29);

        assertThat(status(state, "e3b24727335e34016247c0d37e2b0203bb8c2d76deddafc1700b4cf0e13845c5")).isEqualTo("rejected 1");
        assertThat(status(state, "884dd713e94fa0350239b67e65eecaa54361df8af0e3f6d0e42e0f8de059e15a")).isEqualTo("rejected 501");
    }

    @Test
    void theOnChainArchiveMessagesD08ToD12() {
        JsonNode state = stateOf(37, 38, 39, 40, 41);

        assertThat(status(state, "bebfaebedbc51f3c938a0aeb64832e5fab4767f59c339e6be85f13d99c12a720")).isEqualTo("processed");
        assertThat(status(state, "b6f0dcd7ad05bbc2c14ff570b36051544579a7f46a6380f6cc1909d493e30a1d")).isEqualTo("processed");
        // D10 amends d06620a0…, which is not in the set
        assertThat(status(state, "6351a805121afacb4a2d4afabff046f1051dd810f4278b25677e2bdd551c3b72")).isEqualTo("rejected 101");
        assertThat(status(state, "705edcdca036918d24c1087a13460a6c63b76e19fa0bae2c188dd2af639def3d")).isEqualTo("processed");
        assertThat(status(state, "05ff5b0281ba2c0f9a84c3051000aa1ffe0cddece3e76fdec12ebfcff7ed0f7c")).isEqualTo("processed");
        // D08 and D09 belong to 0x51A5…0501, never materialised
        assertThat(state.get("aggregates")).isEmpty();
        assertThat(state.get("files").get("705edcdca036918d24c1087a13460a6c63b76e19fa0bae2c188dd2af639def3d")
                .get("file_hash").textValue()).isEqualTo("QmPVwkMvXRVCnWMWwAgu4pwyP1ZTTbRqHV4sLbrxBhcdPK");
    }

    @Test
    void e15IsTheOwnersOwnStoreAndE16HasNoDelegation() {
        JsonNode state = stateOf(70, 71);

        assertThat(status(state, "2a5aaf71c8767bda8eb235223a3387b310af117f42fac08f02461e90aee073b0")).isEqualTo("processed");
        assertThat(status(state, "498a10255877a74609654b673af4f8f29eb8ef1aa5d6265d9a6bf9e342d352db")).isEqualTo("rejected 2");
    }

    /** The expired state of these conformance lines (1-based), in the order given. */
    private static JsonNode stateOf(int... lineNumbers) {
        return new ReferenceModel().state(lines(lineNumbers));
    }

    private static List<String> lines(int... lineNumbers) {
        List<String> all = Fixtures.fixtureLines();
        List<String> lines = new ArrayList<>();
        for (int line : lineNumbers) {
            lines.add(all.get(line - 1));
        }
        return lines;
    }

    private static String status(JsonNode state, String hash) {
        JsonNode entry = state.get("statuses").get(hash);
        JsonNode code = entry.get("error_code");
        return entry.get("status").textValue() + (code.isNull() ? "" : " " + code.intValue());
    }
}
