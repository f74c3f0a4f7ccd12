package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.Accounts.ALICE;
import static cloud.aleph.flink.operators.state.Accounts.BOB;
import static cloud.aleph.flink.operators.state.StateMessages.aggregate;
import static cloud.aleph.flink.operators.state.StateMessages.amend;
import static cloud.aleph.flink.operators.state.StateMessages.body;
import static cloud.aleph.flink.operators.state.StateMessages.forget;
import static cloud.aleph.flink.operators.state.StateMessages.post;
import static cloud.aleph.flink.operators.state.StateMessages.store;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.MessageType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** §3 forgets. */
class ForgetRulesTest {

    private static final String A = ALICE.address();
    private static final String MISSING = "ee".repeat(32);

    @Test
    void forgettingAPostForgetsItsAmendsAndTheForgetIsProcessed() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String amend1 = s.add(MessageType.POST, amend(A, 110, original, body("v", 1)), ALICE);
        String amend2 = s.add(MessageType.POST, amend(A, 120, original, body("v", 2)), ALICE);
        String forget = s.add(MessageType.FORGET, forget(A, 200, List.of(original), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(forget)).isEqualTo("processed");
        for (String hash : List.of(original, amend1, amend2)) {
            assertThat(state.status(hash)).isEqualTo("forgotten");
            assertThat(state.forgottenBy(hash)).containsExactly(forget);
        }
        assertThat(state.json().get("posts")).isEmpty();
        assertThat(state.forgottenBy(forget)).isNull();
    }

    @Test
    void anAmendForgottenDirectlyAndThroughItsOriginalListsBothForgets() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String amend = s.add(MessageType.POST, amend(A, 110, original, body("v", 1)), ALICE);
        String ofOriginal = s.add(MessageType.FORGET, forget(A, 200, List.of(original), List.of()), ALICE);
        String ofAmend = s.add(MessageType.FORGET, forget(A, 201, List.of(amend), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.forgottenBy(amend)).containsExactlyElementsOf(sorted(ofOriginal, ofAmend));
        assertThat(state.forgottenBy(original)).containsExactly(ofOriginal);
    }

    @Test
    void forgettingTheLatestAmendFallsBackToTheNextOne() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String amend1 = s.add(MessageType.POST, amend(A, 110, original, body("v", 1)), ALICE);
        String amend2 = s.add(MessageType.POST, amend(A, 120, original, body("v", 2)), ALICE);
        s.add(MessageType.FORGET, forget(A, 200, List.of(amend2), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.post(original).get("latest").textValue()).isEqualTo(amend1);
        assertThat(state.post(original).get("content")).isEqualTo(body("v", 1));
        assertThat(PostRulesTest.texts(state.post(original).get("amends"))).containsExactly(amend1);
    }

    @Test
    void forgettingAnAggregateKeyForgetsEveryValidElementOfThatKey() {
        Scenario s = new Scenario();
        String key = "ab".repeat(32);
        String e1 = s.add(MessageType.AGGREGATE, aggregate(A, 10, key, body("a", 1)), ALICE);
        String e2 = s.add(MessageType.AGGREGATE, aggregate(A, 20, key, body("b", 2)), ALICE);
        String other = s.add(MessageType.AGGREGATE, aggregate(A, 20, "other", body("c", 3)), ALICE);
        String bobsSameKey = s.add(MessageType.AGGREGATE, aggregate(BOB.address(), 20, key, body("d", 4)), BOB);
        String forget = s.add(MessageType.FORGET, forget(A, 30, List.of(), List.of(key)), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(forget)).isEqualTo("processed");
        assertThat(state.forgottenBy(e1)).containsExactly(forget);
        assertThat(state.forgottenBy(e2)).containsExactly(forget);
        assertThat(state.status(other)).isEqualTo("processed");
        assertThat(state.status(bobsSameKey)).isEqualTo("processed");
        assertThat(state.aggregate(A, key)).isNull();
        assertThat(state.aggregate(A, "other")).isNotNull();
        assertThat(state.aggregate(BOB.address(), key)).isNotNull();
    }

    @Test
    void aForgetWithoutTargetIsRejected500AtOnce() {
        Scenario s = new Scenario();
        String forget = s.add(MessageType.FORGET, forget(A, 30, List.of(), List.of()), ALICE);

        assertThat(s.waiting().status(forget)).isEqualTo("rejected 500");
    }

    @Test
    void aForgetOfAMissingHashOrAggregateKeyWaits501AndLeavesItsOtherTargetsAlone() {
        Scenario s = new Scenario();
        String present = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String mixed = s.add(MessageType.FORGET, forget(A, 200, List.of(present, MISSING), List.of()), ALICE);
        String missingKey = s.add(MessageType.FORGET, forget(A, 201, List.of(), List.of("cd".repeat(32))), ALICE);

        Scenario.State waiting = s.waiting();
        assertThat(waiting.status(mixed)).isEqualTo("pending 501");
        assertThat(waiting.status(missingKey)).isEqualTo("pending 501");
        assertThat(waiting.status(present)).isEqualTo("processed");
        Scenario.State expired = s.expired();
        assertThat(expired.status(mixed)).isEqualTo("rejected 501");
        assertThat(expired.status(missingKey)).isEqualTo("rejected 501");
        assertThat(expired.post(present)).isNotNull();
    }

    @Test
    void aForgetOfAForgetIsRejected502AndItsTargetStaysProcessed() {
        Scenario s = new Scenario();
        String post = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String first = s.add(MessageType.FORGET, forget(A, 200, List.of(post), List.of()), ALICE);
        String ofForget = s.add(MessageType.FORGET, forget(A, 300, List.of(first, post), List.of()), ALICE);

        Scenario.State state = s.waiting();

        assertThat(state.status(ofForget)).isEqualTo("rejected 502");
        assertThat(state.status(first)).isEqualTo("processed");
        assertThat(state.forgottenBy(post)).containsExactly(first);
    }

    @Test
    void twoForgetsOfOneTargetAreBothEffective() {
        Scenario s = new Scenario();
        String post = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String f1 = s.add(MessageType.FORGET, forget(A, 200, List.of(post), List.of()), ALICE);
        String f2 = s.add(MessageType.FORGET, forget(A, 150, List.of(post), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(f1)).isEqualTo("processed");
        assertThat(state.status(f2)).isEqualTo("processed");
        assertThat(state.forgottenBy(post)).containsExactlyElementsOf(sorted(f1, f2));
    }

    @Test
    void aForgetOfARejectedMessageWaits501() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String amend = s.add(MessageType.POST, amend(A, 110, original, body("v", 1)), ALICE);
        String rejected = s.add(MessageType.POST, amend(A, 120, amend, body("v", 2)), ALICE);
        String forget = s.add(MessageType.FORGET, forget(A, 200, List.of(rejected), List.of()), ALICE);

        Scenario.State state = s.waiting();

        assertThat(state.status(rejected)).isEqualTo("rejected 102");
        assertThat(state.status(forget)).isEqualTo("pending 501");
        assertThat(state.forgottenBy(rejected)).isNull();
    }

    @Test
    void aForgetOfAMessageOfAnotherOwnerIsNotFound501EvenForAForget() {
        Scenario s = new Scenario();
        String bobsPost = s.add(MessageType.POST, post(BOB.address(), 100, "blog", body("v", 0)), BOB);
        String bobsForget = s.add(MessageType.FORGET, forget(BOB.address(), 150, List.of(MISSING), List.of()), BOB);
        String alicesForget = s.add(MessageType.FORGET, forget(A, 200, List.of(bobsPost), List.of()), ALICE);
        String ofBobsForget = s.add(MessageType.FORGET, forget(A, 201, List.of(bobsForget), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(alicesForget)).isEqualTo("rejected 501");
        assertThat(state.status(ofBobsForget)).isEqualTo("rejected 501");
        assertThat(state.status(bobsPost)).isEqualTo("processed");
    }

    @Test
    void aDependencyOnAForgottenMessageStaysSatisfied() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        String forget = s.add(MessageType.FORGET, forget(A, 150, List.of(original), List.of()), ALICE);
        // written after the forget, in content time: still an amend of a forgotten post
        String lateAmend = s.add(MessageType.POST, amend(A, 300, original, body("v", 1)), ALICE);
        String store = s.add(MessageType.STORE, store(A, 100, "11".repeat(32), null), ALICE);
        s.add(MessageType.FORGET, forget(A, 150, List.of(store), List.of()), ALICE);
        String update = s.add(MessageType.STORE, store(A, 300, "22".repeat(32), store), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.forgottenBy(lateAmend)).containsExactly(forget);
        assertThat(state.status(update)).isEqualTo("processed");
        assertThat(state.file(store).get("store").textValue()).isEqualTo(update);
    }

    private static List<String> sorted(String... hashes) {
        return Stream.of(hashes).sorted().toList();
    }
}
