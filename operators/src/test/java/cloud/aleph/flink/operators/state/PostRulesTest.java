package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.Accounts.ALICE;
import static cloud.aleph.flink.operators.state.Accounts.BOB;
import static cloud.aleph.flink.operators.state.StateMessages.amend;
import static cloud.aleph.flink.operators.state.StateMessages.body;
import static cloud.aleph.flink.operators.state.StateMessages.post;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §5 posts and the amend rows of the §2 table. */
class PostRulesTest {

    private static final String A = ALICE.address();

    @Test
    void latestIsTheLastAmendStrictlyLaterThanTheOriginal() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String earlier = s.add(MessageType.POST, amend(A, 90, original, body("v", 1)), ALICE);
        String equal = s.add(MessageType.POST, amend(A, 100, original, body("v", 2)), ALICE);
        String latest = s.add(MessageType.POST, amend(A, 110, original, body("v", 3)), ALICE);
        String between = s.add(MessageType.POST, amend(A, 105, original, body("v", 4)), ALICE);

        Scenario.State state = s.expired();

        JsonNode post = state.post(original);
        assertThat(texts(post.get("amends"))).containsExactly(earlier, equal, between, latest);
        assertThat(post.get("latest").textValue()).isEqualTo(latest);
        assertThat(post.get("content")).isEqualTo(body("v", 3));
        assertThat(post.get("owner").textValue()).isEqualTo(A);
        assertThat(post.get("type").textValue()).isEqualTo("blog");
        for (String hash : List.of(original, earlier, equal, latest, between)) {
            assertThat(state.status(hash)).isEqualTo("processed");
        }
    }

    @Test
    void amendsNotStrictlyLaterNeverBecomeLatest() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String equal = s.add(MessageType.POST, amend(A, 100, original, body("v", 1)), ALICE);
        String earlier = s.add(MessageType.POST, amend(A, 50, original, body("v", 2)), ALICE);

        JsonNode post = s.expired().post(original);

        assertThat(post.get("latest").textValue()).isEqualTo(original);
        assertThat(post.get("content")).isEqualTo(body("v", 0));
        assertThat(texts(post.get("amends"))).containsExactly(earlier, equal);
    }

    @Test
    void amendsTiedOnContentTimeAreOrderedByHash() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String first = s.add(MessageType.POST, amend(A, 120, original, body("v", 1)), ALICE);
        String second = s.add(MessageType.POST, amend(A, 120, original, body("v", 2)), ALICE);
        String smaller = first.compareTo(second) < 0 ? first : second;
        String larger = first.compareTo(second) < 0 ? second : first;

        JsonNode post = s.expired().post(original);

        assertThat(texts(post.get("amends"))).containsExactly(smaller, larger);
        assertThat(post.get("latest").textValue()).isEqualTo(larger);
        assertThat(post.get("content")).isEqualTo(body("v", larger.equals(first) ? 1 : 2));
    }

    @Test
    void contentIsNullWhenTheLatestHasNone() {
        Scenario s = new Scenario();
        ObjectNode noBody = post(A, 100, "blog", null);
        noBody.remove("content");
        String original = s.add(MessageType.POST, noBody, ALICE);

        JsonNode post = s.expired().post(original);

        assertThat(post.get("content").isNull()).isTrue();
        assertThat(post.get("latest").textValue()).isEqualTo(original);
        assertThat(post.get("amends")).isEmpty();
        assertThat(fieldNames(post)).containsExactly("amends", "content", "latest", "owner", "type");
    }

    @Test
    void anAmendOfAValidAmendIsRejected102EvenBeforeExpiry() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String amend = s.add(MessageType.POST, amend(A, 110, original, body("v", 1)), ALICE);
        String amendOfAmend = s.add(MessageType.POST, amend(A, 120, amend, body("v", 2)), ALICE);

        assertThat(s.waiting().status(amendOfAmend)).isEqualTo("rejected 102");
        Scenario.State state = s.expired();
        assertThat(state.status(amendOfAmend)).isEqualTo("rejected 102");
        assertThat(state.post(original).get("latest").textValue()).isEqualTo(amend);
        assertThat(state.post(amend)).isNull();
    }

    @Test
    void anAmendOfAnAmendThatIsNotValidWaits101() {
        Scenario s = new Scenario();
        String missing = "ab".repeat(32);
        String orphan = s.add(MessageType.POST, amend(A, 110, missing, body("v", 1)), ALICE);
        String amendOfOrphan = s.add(MessageType.POST, amend(A, 120, orphan, body("v", 2)), ALICE);

        Scenario.State waiting = s.waiting();
        assertThat(waiting.status(orphan)).isEqualTo("pending 101");
        assertThat(waiting.status(amendOfOrphan)).isEqualTo("pending 101");
        Scenario.State expired = s.expired();
        assertThat(expired.status(orphan)).isEqualTo("rejected 101");
        assertThat(expired.status(amendOfOrphan)).isEqualTo("rejected 101");
        assertThat(expired.json().get("posts")).isEmpty();
    }

    @Test
    void anAmendOfAPostOfAnotherOwnerIsNotFound101() {
        Scenario s = new Scenario();
        String bobsPost = s.add(MessageType.POST, post(BOB.address(), 100, "blog", body("v", 0)), BOB);
        String aliceAmend = s.add(MessageType.POST, amend(A, 110, bobsPost, body("v", 1)), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(aliceAmend)).isEqualTo("rejected 101");
        assertThat(state.post(bobsPost).get("latest").textValue()).isEqualTo(bobsPost);
        assertThat(state.post(bobsPost).get("amends")).isEmpty();
    }

    @Test
    void anAmendWhoseRefIsNotAPostIsNotFound101() {
        Scenario s = new Scenario();
        String aggregate = s.add(MessageType.AGGREGATE, StateMessages.aggregate(A, 100, "k", body("a", 1)), ALICE);
        String amend = s.add(MessageType.POST, amend(A, 110, aggregate, body("v", 1)), ALICE);

        assertThat(s.expired().status(amend)).isEqualTo("rejected 101");
    }

    @Test
    void aChainRefObjectNamesTheOriginalByItsItemHash() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        ObjectNode content = post(A, 110, "amend", body("v", 1));
        ObjectNode ref = content.putObject("ref");
        ref.put("chain", "ETH");
        ref.put("item_content", "{}");
        ref.put("item_hash", original);
        ref.put("item_type", "inline");
        ref.put("sender", A);
        ref.put("signature", "0x00");
        ref.put("time", 100.0);
        ref.put("type", "POST");
        String amend = s.add(MessageType.POST, content, ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(amend)).isEqualTo("processed");
        assertThat(state.post(original).get("latest").textValue()).isEqualTo(amend);
    }

    @Test
    void theContentValueIsKeptUnchanged() {
        Scenario s = new Scenario();
        JsonNode anyJson = StateMessages.parse("[1, 2.5, \"three\", null, {\"z\": true, \"a\": []}]");
        String original = s.add(MessageType.POST, post(A, 100, "blog", anyJson), ALICE);

        assertThat(s.expired().post(original).get("content")).isEqualTo(anyJson);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.textValue()));
        return texts;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode json(String text) {
        return StateMessages.parse(text);
    }

    static ObjectNode object() {
        return AlephJson.nodes().objectNode();
    }
}
