package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.Accounts.ALICE;
import static cloud.aleph.flink.operators.state.Accounts.DELEGATE;
import static cloud.aleph.flink.operators.state.Accounts.MULTICHAIN_ON_BSC;
import static cloud.aleph.flink.operators.state.Accounts.MULTICHAIN_ON_ETH;
import static cloud.aleph.flink.operators.state.Accounts.OTHER_DELEGATE;
import static cloud.aleph.flink.operators.state.Accounts.SOL_CAROL;
import static cloud.aleph.flink.operators.state.StateMessages.aggregate;
import static cloud.aleph.flink.operators.state.StateMessages.aggregateNamed;
import static cloud.aleph.flink.operators.state.StateMessages.amend;
import static cloud.aleph.flink.operators.state.StateMessages.body;
import static cloud.aleph.flink.operators.state.StateMessages.delegate;
import static cloud.aleph.flink.operators.state.StateMessages.filter;
import static cloud.aleph.flink.operators.state.StateMessages.forget;
import static cloud.aleph.flink.operators.state.StateMessages.post;
import static cloud.aleph.flink.operators.state.StateMessages.security;
import static cloud.aleph.flink.operators.state.StateMessages.store;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §1 delegations, filters and revocation. */
class AuthorizationRulesTest {

    private static final String A = ALICE.address();
    private static final String D = DELEGATE.address();

    @Test
    void theOwnerIsAuthorizedWhateverTheCaseOfTheAddressWhichStillNamesAnotherOwner() {
        Scenario s = new Scenario();
        String lower = Ascii.lower(A);
        String asLower = s.add(MessageType.AGGREGATE, aggregate(lower, 10, "k", body("a", 1)), ALICE);
        String asIs = s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 2)), ALICE);

        Scenario.State state = s.expired();

        assertThat(lower).isNotEqualTo(A);
        assertThat(state.status(asLower)).isEqualTo("processed");
        assertThat(state.status(asIs)).isEqualTo("processed");
        assertThat(state.aggregate(lower, "k").get("content")).isEqualTo(body("a", 1));
        assertThat(state.aggregate(A, "k").get("content")).isEqualTo(body("a", 2));
    }

    @Test
    void anUnauthorizedSenderWaits2ThenIsRejected2() {
        Scenario s = new Scenario();
        String post = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);

        assertThat(s.waiting().status(post)).isEqualTo("pending 2");
        assertThat(s.expired().status(post)).isEqualTo("rejected 2");
    }

    @Test
    void anEntryWithoutFiltersAuthorizesEverythingAndTheAddressMatchesInAnyCase() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1, delegate(D.toUpperCase().replace("0X", "0x"))), ALICE);
        String post = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);
        String aggregate = s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 1)), DELEGATE);
        String store = s.add(MessageType.STORE, store(A, 10, "11".repeat(32), null), DELEGATE);
        String other = s.add(MessageType.POST, post(A, 11, "blog", body("v", 2)), OTHER_DELEGATE);

        Scenario.State state = s.expired();

        assertThat(state.status(post)).isEqualTo("processed");
        assertThat(state.status(aggregate)).isEqualTo("processed");
        assertThat(state.status(store)).isEqualTo("processed");
        assertThat(state.status(other)).isEqualTo("rejected 2");
        assertThat(state.post(post).get("owner").textValue()).isEqualTo(A);
    }

    @Test
    void theTypesFilter() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1, filter(delegate(D), "types", "POST", "STORE")), ALICE);
        String post = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);
        String aggregate = s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 1)), DELEGATE);

        Scenario.State state = s.expired();

        assertThat(state.status(post)).isEqualTo("processed");
        assertThat(state.status(aggregate)).isEqualTo("rejected 2");
    }

    @Test
    void thePostTypesFilterOnlyConstrainsPosts() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1, filter(delegate(D), "post_types", "blog")), ALICE);
        String blog = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);
        String note = s.add(MessageType.POST, post(A, 10, "note", body("v", 1)), DELEGATE);
        String aggregate = s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 1)), DELEGATE);

        Scenario.State state = s.expired();

        assertThat(state.status(blog)).isEqualTo("processed");
        assertThat(state.status(note)).isEqualTo("rejected 2");
        assertThat(state.status(aggregate)).isEqualTo("processed");
    }

    @Test
    void theAggregateKeysFilterMatchesTheEffectiveKey() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1, filter(delegate(D), "aggregate_keys", "profile", "name='named'")), ALICE);
        String profile = s.add(MessageType.AGGREGATE, aggregate(A, 10, "profile", body("a", 1)), DELEGATE);
        String settings = s.add(MessageType.AGGREGATE, aggregate(A, 10, "settings", body("a", 1)), DELEGATE);
        String namedProfile = s.add(MessageType.AGGREGATE, aggregateNamed(A, 10, "profile", body("a", 1)), DELEGATE);
        String named = s.add(MessageType.AGGREGATE, aggregateNamed(A, 10, "named", body("a", 1)), DELEGATE);
        String post = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);

        Scenario.State state = s.expired();

        assertThat(state.status(profile)).isEqualTo("processed");
        assertThat(state.status(settings)).isEqualTo("rejected 2");
        assertThat(state.status(namedProfile)).isEqualTo("rejected 2");
        assertThat(state.status(named)).isEqualTo("processed");
        assertThat(state.status(post)).isEqualTo("processed");
    }

    @Test
    void theChannelsFilter() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1, filter(delegate(D), "channels", "CH-A")), ALICE);
        String inA = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE, "CH-A");
        String inB = s.add(MessageType.POST, post(A, 10, "blog", body("v", 2)), DELEGATE, "CH-B");
        String inNone = s.add(MessageType.POST, post(A, 10, "blog", body("v", 3)), DELEGATE, null);

        Scenario.State state = s.expired();

        assertThat(state.status(inA)).isEqualTo("processed");
        assertThat(state.status(inB)).isEqualTo("rejected 2");
        assertThat(state.status(inNone)).isEqualTo("rejected 2");
    }

    @Test
    void theChainFilter() {
        Scenario s = new Scenario();
        ObjectNode entry = delegate(MULTICHAIN_ON_ETH.address());
        entry.put("chain", "ETH");
        s.add(MessageType.AGGREGATE, security(A, 1, entry), ALICE);
        String onEth = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), MULTICHAIN_ON_ETH);
        String onBsc = s.add(MessageType.POST, post(A, 10, "blog", body("v", 2)), MULTICHAIN_ON_BSC);

        Scenario.State state = s.expired();

        assertThat(MULTICHAIN_ON_BSC.address()).isEqualTo(MULTICHAIN_ON_ETH.address());
        assertThat(state.status(onEth)).isEqualTo("processed");
        assertThat(state.status(onBsc)).isEqualTo("rejected 2");
    }

    @Test
    void emptyFiltersAndNonObjectEntriesDoNotRestrict() {
        Scenario s = new Scenario();
        ObjectNode entry = filter(filter(delegate(D), "types"), "channels");
        entry.put("chain", "");
        ObjectNode content = security(A, 1, entry);
        ((com.fasterxml.jackson.databind.node.ArrayNode) content.get("content").get("authorizations")).insert(0, "junk");
        s.add(MessageType.AGGREGATE, content, ALICE);
        String post = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE, "anywhere");

        assertThat(s.expired().status(post)).isEqualTo("processed");
    }

    @Test
    void aDelegateAmendIsAuthorizedWithItsOriginalsAttributes() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1,
                filter(filter(delegate(D), "post_types", "blog"), "channels", "CH-A")), ALICE);
        String blog = s.add(MessageType.POST, post(A, 10, "blog", body("v", 0)), ALICE, "CH-A");
        String note = s.add(MessageType.POST, post(A, 10, "note", body("v", 0)), ALICE, "CH-A");
        String blogElsewhere = s.add(MessageType.POST, post(A, 11, "blog", body("v", 0)), ALICE, "CH-B");
        // the amend's own post type is "amend" and its own channel CH-B: neither is what is checked
        String amendBlog = s.add(MessageType.POST, amend(A, 20, blog, body("v", 1)), DELEGATE, "CH-B");
        String amendNote = s.add(MessageType.POST, amend(A, 20, note, body("v", 1)), DELEGATE, "CH-A");
        String amendElsewhere = s.add(MessageType.POST, amend(A, 20, blogElsewhere, body("v", 1)), DELEGATE, "CH-A");

        Scenario.State state = s.expired();

        assertThat(state.status(amendBlog)).isEqualTo("processed");
        assertThat(state.post(blog).get("latest").textValue()).isEqualTo(amendBlog);
        assertThat(state.status(amendNote)).isEqualTo("rejected 2");
        assertThat(state.status(amendElsewhere)).isEqualTo("rejected 2");
    }

    @Test
    void forgettingTheSecurityElementRevokesItsDelegations() {
        Scenario s = new Scenario();
        String grant = s.add(MessageType.AGGREGATE, security(A, 1, delegate(D)), ALICE);
        String post = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);
        String revoke = s.add(MessageType.FORGET, forget(A, 20, List.of(grant), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(revoke)).isEqualTo("processed");
        assertThat(state.forgottenBy(grant)).containsExactly(revoke);
        assertThat(state.status(post)).isEqualTo("rejected 2");
        assertThat(s.waiting().status(post)).isEqualTo("pending 2");
        assertThat(state.json().get("aggregates").has(A)).isFalse();
    }

    @Test
    void aNewerSecurityElementReplacesTheAuthorizationsList() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1, delegate(D), delegate(OTHER_DELEGATE.address())), ALICE);
        String newer = s.add(MessageType.AGGREGATE, security(A, 2, delegate(OTHER_DELEGATE.address())), ALICE);
        String revoked = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);
        String kept = s.add(MessageType.POST, post(A, 10, "blog", body("v", 2)), OTHER_DELEGATE);

        Scenario.State state = s.expired();

        assertThat(state.status(revoked)).isEqualTo("rejected 2");
        assertThat(state.status(kept)).isEqualTo("processed");
        assertThat(state.aggregate(A, "security").get("revision").textValue()).isEqualTo(newer);
    }

    @Test
    void anOlderSecurityElementDoesNotRevoke() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 2, delegate(D)), ALICE);
        s.add(MessageType.AGGREGATE, security(A, 1, delegate(OTHER_DELEGATE.address())), ALICE);
        String post = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);

        assertThat(s.expired().status(post)).isEqualTo("processed");
    }

    @Test
    void aSecurityAggregateFromADelegateIsRejected2AtOnceButTheObjectFormKeyIsOrdinary() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1, delegate(D)), ALICE);
        String takeover = s.add(MessageType.AGGREGATE, security(A, 5, delegate(OTHER_DELEGATE.address())), DELEGATE);
        String named = s.add(MessageType.AGGREGATE, aggregateNamed(A, 6, "security", body("a", 1)), DELEGATE);
        String attempt = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), OTHER_DELEGATE);

        Scenario.State state = s.waiting();

        assertThat(state.status(takeover)).isEqualTo("rejected 2");
        assertThat(state.status(named)).isEqualTo("processed");
        assertThat(state.status(attempt)).isEqualTo("pending 2");
    }

    @Test
    void aDelegateForgetIsAuthorizedWithEachTargetsAttributes() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, security(A, 1, filter(delegate(D), "types", "POST")), ALICE);
        String post = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), ALICE);
        String aggregate = s.add(MessageType.AGGREGATE, aggregate(A, 10, "k", body("a", 1)), ALICE);
        String forgetPost = s.add(MessageType.FORGET, forget(A, 20, List.of(post), List.of()), DELEGATE);
        String forgetAggregate = s.add(MessageType.FORGET, forget(A, 21, List.of(aggregate), List.of()), DELEGATE);

        Scenario.State state = s.waiting();

        assertThat(state.status(forgetPost)).isEqualTo("processed");
        assertThat(state.forgottenBy(post)).containsExactly(forgetPost);
        assertThat(state.status(forgetAggregate)).isEqualTo("pending 2");
        assertThat(state.status(aggregate)).isEqualTo("processed");
    }

    @Test
    void aDelegateForgetOfAnAggregateKeyChecksEveryElementWithItsOwnChannel() {
        Scenario s = new Scenario();
        String key = "ab".repeat(32);
        s.add(MessageType.AGGREGATE, security(A, 1, filter(delegate(D), "channels", "CH-A")), ALICE);
        s.add(MessageType.AGGREGATE, aggregate(A, 10, key, body("a", 1)), ALICE, "CH-A");
        String inB = s.add(MessageType.AGGREGATE, aggregate(A, 11, key, body("b", 1)), ALICE, "CH-B");
        String forget = s.add(MessageType.FORGET, forget(A, 20, List.of(), List.of(key)), DELEGATE, "CH-A");

        Scenario.State before = s.waiting();
        assertThat(before.status(forget)).isEqualTo("pending 2");

        s.add(MessageType.AGGREGATE, security(A, 2, filter(delegate(D), "channels", "CH-A", "CH-B")), ALICE);
        Scenario.State after = s.waiting();
        assertThat(after.status(forget)).isEqualTo("processed");
        assertThat(after.forgottenBy(inB)).containsExactly(forget);
        assertThat(after.aggregate(A, key)).isNull();
    }

    @Test
    void aDelegateCannotForgetASecurityElement() {
        Scenario s = new Scenario();
        String grant = s.add(MessageType.AGGREGATE, security(A, 1, delegate(D)), ALICE);
        String forget = s.add(MessageType.FORGET, forget(A, 20, List.of(grant), List.of()), DELEGATE);

        Scenario.State state = s.waiting();

        assertThat(state.status(forget)).isEqualTo("pending 2");
        assertThat(state.status(grant)).isEqualTo("processed");
    }

    @Test
    void aSecurityForgetIsJudgedBeforeItsOwnRevocation() {
        Scenario s = new Scenario();
        String grant = s.add(MessageType.AGGREGATE, security(A, 1, delegate(D)), ALICE);
        String delegated = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);
        String forget = s.add(MessageType.FORGET, forget(A, 20, List.of(grant, delegated), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(forget)).isEqualTo("processed");
        assertThat(state.forgottenBy(grant)).containsExactly(forget);
        // no longer authorized once the grant is gone, so not valid, so not "forgotten"
        assertThat(state.status(delegated)).isEqualTo("rejected 2");
        assertThat(state.forgottenBy(delegated)).isNull();
    }

    @Test
    void aSolanaOwnerCanDelegateToAnEthereumSender() {
        Scenario s = new Scenario();
        String owner = SOL_CAROL.address();
        s.add(MessageType.AGGREGATE, security(owner, 1, delegate(D)), SOL_CAROL);
        String post = s.add(MessageType.POST, post(owner, 10, "blog", body("v", 1)), DELEGATE);

        assertThat(s.expired().status(post)).isEqualTo("processed");
    }
}
