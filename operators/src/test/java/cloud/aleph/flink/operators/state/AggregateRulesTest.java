package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.Accounts.ALICE;
import static cloud.aleph.flink.operators.state.StateMessages.aggregate;
import static cloud.aleph.flink.operators.state.StateMessages.aggregateNamed;
import static cloud.aleph.flink.operators.state.StateMessages.body;
import static cloud.aleph.flink.operators.state.StateMessages.forget;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §4 aggregates. */
class AggregateRulesTest {

    private static final String A = ALICE.address();

    @Test
    void elementsMergeShallowlyInContentTimeOrderWhateverTheirArrival() {
        Scenario s = new Scenario();
        String late = s.add(MessageType.AGGREGATE, aggregate(A, 30, "k", body("b", 3, "nested", body("q", 2))), ALICE);
        String early = s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 1, "b", 1, "nested", body("p", 1))), ALICE);
        String middle = s.add(MessageType.AGGREGATE, aggregate(A, 20, "k", body("b", 2, "c", null)), ALICE);

        Scenario.State state = s.expired();

        JsonNode aggregate = state.aggregate(A, "k");
        // nested objects are replaced, not merged; a null value is kept
        assertThat(aggregate.get("content")).isEqualTo(body("a", 1, "b", 3, "c", null, "nested", body("q", 2)));
        assertThat(aggregate.get("revision").textValue()).isEqualTo(late);
        for (String hash : List.of(late, early, middle)) {
            assertThat(state.status(hash)).isEqualTo("processed");
        }
    }

    @Test
    void elementsTiedOnContentTimeMergeInHashOrder() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 1, "b", 1)), ALICE);
        String x = s.add(MessageType.AGGREGATE, aggregate(A, 20, "k", body("b", 2, "c", null)), ALICE);
        String y = s.add(MessageType.AGGREGATE, aggregate(A, 20, "k", body("c", 3)), ALICE);

        JsonNode aggregate = s.expired().aggregate(A, "k");

        if (x.compareTo(y) < 0) {
            assertThat(aggregate.get("content")).isEqualTo(body("a", 1, "b", 2, "c", 3));
            assertThat(aggregate.get("revision").textValue()).isEqualTo(y);
        } else {
            assertThat(aggregate.get("content")).isEqualTo(body("a", 1, "b", 2, "c", null));
            assertThat(aggregate.get("revision").textValue()).isEqualTo(x);
        }
    }

    @Test
    void theObjectFormOfTheKeyIsAnotherAggregateNamedAsTheReferenceStoresIt() {
        Scenario s = new Scenario();
        String plain = s.add(MessageType.AGGREGATE, aggregate(A, 10, "profile", body("a", 1)), ALICE);
        String named = s.add(MessageType.AGGREGATE, aggregateNamed(A, 20, "profile", body("b", 2)), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.aggregate(A, "profile").get("content")).isEqualTo(body("a", 1));
        assertThat(state.aggregate(A, "profile").get("revision").textValue()).isEqualTo(plain);
        assertThat(state.aggregate(A, "name='profile'").get("content")).isEqualTo(body("b", 2));
        assertThat(state.aggregate(A, "name='profile'").get("revision").textValue()).isEqualTo(named);
    }

    @Test
    void forgettingAnElementRecomputesTheAggregateFromTheOthers() {
        Scenario s = new Scenario();
        String kept = s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 1)), ALICE);
        String dropped = s.add(MessageType.AGGREGATE, aggregate(A, 20, "k", body("a", 2, "b", 2)), ALICE);
        String forget = s.add(MessageType.FORGET, forget(A, 30, List.of(dropped), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.aggregate(A, "k").get("content")).isEqualTo(body("a", 1));
        assertThat(state.aggregate(A, "k").get("revision").textValue()).isEqualTo(kept);
        assertThat(state.status(dropped)).isEqualTo("forgotten");
        assertThat(state.forgottenBy(dropped)).containsExactly(forget);
    }

    @Test
    void anOwnerWhoseElementsAreAllForgottenHasNoAggregateEntry() {
        Scenario s = new Scenario();
        String only = s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 1)), ALICE);
        s.add(MessageType.FORGET, forget(A, 30, List.of(only), List.of()), ALICE);

        assertThat(s.expired().json().get("aggregates").has(A)).isFalse();
    }

    @Test
    void theOwner0x51A5IsNeverMaterialisedButItsElementsAreProcessed() throws Exception {
        // conformance line 13 (B01): sender and owner 0x51A58800b26AA1451aaA803d1746687cB88E0501
        String b01 = Fixtures.fixtureLines().get(12);
        String hash = StateMessages.parse(b01).get("item_hash").textValue();

        JsonNode state = new ReferenceModel().state(List.of(b01));

        assertThat(state.get("statuses").get(hash).get("status").textValue()).isEqualTo("processed");
        assertThat(state.get("aggregates")).isEmpty();
    }
}
