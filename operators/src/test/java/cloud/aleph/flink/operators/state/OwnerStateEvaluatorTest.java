package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.StateFixtures.DELEGATE;
import static cloud.aleph.flink.operators.state.StateFixtures.OWNER;
import static cloud.aleph.flink.operators.state.StateFixtures.aggregate;
import static cloud.aleph.flink.operators.state.StateFixtures.facts;
import static cloud.aleph.flink.operators.state.StateFixtures.forget;
import static cloud.aleph.flink.operators.state.StateFixtures.post;
import static cloud.aleph.flink.operators.state.StateFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Flink-side evaluator on small scenarios; the differential test compares it with the reference model at scale. */
class OwnerStateEvaluatorTest {

    private static OwnerView evaluate(VerifiedMessage... messages) {
        List<MessageFacts> facts = new ArrayList<>();
        for (VerifiedMessage message : messages) {
            facts.add(facts(message));
        }
        return OwnerStateEvaluator.evaluate(OWNER, facts, ref -> false);
    }

    @Test
    void latestAmendIsTheLastWithAStrictlyLaterTime() {
        VerifiedMessage original = post(OWNER, 100, "blog", null, "{\"v\":0}");
        VerifiedMessage earlier = post(OWNER, 90, "amend", original.itemHash(), "{\"v\":1}");
        VerifiedMessage later = post(OWNER, 120, "amend", original.itemHash(), "{\"v\":2}");
        VerifiedMessage latest = post(OWNER, 130, "amend", original.itemHash(), "{\"v\":3}");

        OwnerView view = evaluate(latest, original, later, earlier);

        OwnerView.Post merged = view.posts().get(original.itemHash());
        assertThat(merged.latest()).isEqualTo(latest.itemHash());
        assertThat(merged.content().get("v").asInt()).isEqualTo(3);
        assertThat(merged.amends()).containsExactly(earlier.itemHash(), later.itemHash(), latest.itemHash());
        assertThat(view.decisions().values()).allMatch(d -> d.status() == MessageStatus.PROCESSED);
    }

    @Test
    void amendOfAMissingPostWaitsAndAmendOfAnAmendIsRejected() {
        VerifiedMessage original = post(OWNER, 100, "blog", null, "{}");
        VerifiedMessage amend = post(OWNER, 110, "amend", original.itemHash(), "{}");
        VerifiedMessage amendOfAmend = post(OWNER, 120, "amend", amend.itemHash(), "{}");

        assertThat(evaluate(amend).decisions().get(amend.itemHash()))
                .extracting(Decision::status, Decision::errorCode)
                .containsExactly(MessageStatus.PENDING, ErrorCode.POST_AMEND_TARGET_NOT_FOUND);
        assertThat(evaluate(original, amend, amendOfAmend).decisions().get(amendOfAmend.itemHash()))
                .extracting(Decision::status, Decision::errorCode)
                .containsExactly(MessageStatus.REJECTED, ErrorCode.POST_AMEND_AMEND);
    }

    @Test
    void aggregatesMergeInCanonicalOrderWithTiesByHash() {
        VerifiedMessage first = aggregate(OWNER, OWNER, 10, "profile", "{\"a\":1,\"c\":2}");
        VerifiedMessage second = aggregate(OWNER, OWNER, 20, "profile", "{\"c\":3,\"d\":4}");
        VerifiedMessage tieA = aggregate(OWNER, OWNER, 30, "profile", "{\"e\":\"x\"}");
        VerifiedMessage tieB = aggregate(OWNER, OWNER, 30, "profile", "{\"e\":\"y\"}");
        String lastOfTie = tieA.itemHash().compareTo(tieB.itemHash()) > 0 ? "x" : "y";

        OwnerView.Aggregate aggregate = evaluate(tieB, second, tieA, first).aggregates().get("profile");

        assertThat(aggregate.content().toString())
                .isEqualTo("{\"a\":1,\"c\":3,\"d\":4,\"e\":\"" + lastOfTie + "\"}");
    }

    @Test
    void forgettingAPostForgetsItsAmendsAndRemovesThePost() {
        VerifiedMessage original = post(OWNER, 100, "blog", null, "{}");
        VerifiedMessage amend = post(OWNER, 110, "amend", original.itemHash(), "{}");
        VerifiedMessage forget = forget(OWNER, 200, original.itemHash());

        OwnerView view = evaluate(amend, forget, original);

        assertThat(view.posts()).isEmpty();
        assertThat(view.decisions().get(original.itemHash()).forgottenBy()).containsExactly(forget.itemHash());
        assertThat(view.decisions().get(amend.itemHash()).status()).isEqualTo(MessageStatus.FORGOTTEN);
        assertThat(view.decisions().get(forget.itemHash()).status()).isEqualTo(MessageStatus.PROCESSED);
    }

    @Test
    void delegatesNeedTheOwnersSecurityAggregateAndLoseItWhenItIsForgotten() {
        VerifiedMessage delegated = aggregate(DELEGATE, OWNER, 50, "notes", "{\"n\":1}");
        VerifiedMessage security = aggregate(OWNER, OWNER, 10, "security",
                "{\"authorizations\":[{\"address\":\"" + DELEGATE + "\",\"types\":[\"AGGREGATE\"]}]}");
        VerifiedMessage revoke = forget(OWNER, 60, security.itemHash());

        assertThat(evaluate(delegated).decisions().get(delegated.itemHash()).errorCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(evaluate(delegated, security).decisions().get(delegated.itemHash()).status()).isEqualTo(MessageStatus.PROCESSED);
        assertThat(evaluate(delegated, security, revoke).decisions().get(delegated.itemHash()))
                .extracting(Decision::status, Decision::errorCode)
                .containsExactly(MessageStatus.PENDING, ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void aSecurityAggregateFromADelegateIsRejected() {
        VerifiedMessage fromDelegate = aggregate(DELEGATE, OWNER, 10, "security", "{\"authorizations\":[]}");

        assertThat(evaluate(fromDelegate).decisions().get(fromDelegate.itemHash()))
                .extracting(Decision::status, Decision::errorCode)
                .containsExactly(MessageStatus.REJECTED, ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void storeTagsFollowTheRefRules() {
        String file1 = "a".repeat(64);
        String file2 = "b".repeat(64);
        VerifiedMessage original = store(OWNER, 10, file1, null);
        VerifiedMessage update = store(OWNER, 20, file2, original.itemHash());
        VerifiedMessage named = store(OWNER, 30, file1, "my-file");

        OwnerView view = evaluate(update, named, original);

        assertThat(view.tags().get(original.itemHash()).fileHash()).isEqualTo(file2);
        assertThat(view.tags().get(OWNER + "/my-file").store()).isEqualTo(named.itemHash());
    }

    @Test
    void theViewDoesNotDependOnTheOrderOfTheMessages() {
        VerifiedMessage original = post(OWNER, 100, "blog", null, "{}");
        List<VerifiedMessage> messages = new ArrayList<>(List.of(
                original,
                post(OWNER, 110, "amend", original.itemHash(), "{\"v\":1}"),
                aggregate(OWNER, OWNER, 5, "k", "{\"a\":1}"),
                aggregate(OWNER, OWNER, 5, "k", "{\"a\":2}"),
                aggregate(DELEGATE, OWNER, 7, "k", "{\"b\":1}"),
                aggregate(OWNER, OWNER, 1, "security", "{\"authorizations\":[{\"address\":\"" + DELEGATE + "\"}]}"),
                forget(OWNER, 300, original.itemHash())));
        OwnerView expected = evaluate(messages.toArray(VerifiedMessage[]::new));
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(messages, random);
            assertThat(evaluate(messages.toArray(VerifiedMessage[]::new))).isEqualTo(expected);
        }
    }
}
