package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.Accounts.ALICE;
import static cloud.aleph.flink.operators.state.Accounts.DELEGATE;
import static cloud.aleph.flink.operators.state.StateMessages.aggregate;
import static cloud.aleph.flink.operators.state.StateMessages.body;
import static cloud.aleph.flink.operators.state.StateMessages.delegate;
import static cloud.aleph.flink.operators.state.StateMessages.filter;
import static cloud.aleph.flink.operators.state.StateMessages.post;
import static cloud.aleph.flink.operators.state.StateMessages.security;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model's contract around the rules: intake, kept copies, the expiry flag and the export format. */
class ReferenceModelTest {

    private static final String A = ALICE.address();

    @Test
    void theExportHasTheSixSectionsWithSortedKeysAndEqualStatesHaveEqualText() {
        Scenario s = new Scenario();
        s.add(MessageType.AGGREGATE, aggregate(A, 1, "k", body("z", 1, "a", body("y", 2, "b", 3))), ALICE);
        s.add(MessageType.POST, post(A, 1, "blog", body("v", 1)), ALICE);

        ObjectNode state = new ReferenceModel().state(s.envelopes());
        List<String> reversed = new ArrayList<>(s.envelopes());
        Collections.reverse(reversed);

        assertThat(PostRulesTest.fieldNames(state)).containsExactly("aggregates", "files", "forgotten", "posts", "statuses", "vms");
        JsonNode content = state.get("aggregates").get(A).get("k").get("content");
        assertThat(PostRulesTest.fieldNames(content)).containsExactly("a", "z");
        assertThat(PostRulesTest.fieldNames(content.get("a"))).containsExactly("b", "y");
        assertThat(ReferenceModel.text(new ReferenceModel().state(reversed))).isEqualTo(ReferenceModel.text(state));
    }

    @Test
    void processedAndForgottenStatusesHaveANullErrorCode() {
        Scenario s = new Scenario();
        String post = s.add(MessageType.POST, post(A, 1, "blog", body("v", 1)), ALICE);

        JsonNode entry = s.expired().json().get("statuses").get(post);

        assertThat(entry.get("status").textValue()).isEqualTo("processed");
        assertThat(entry.get("error_code").isNull()).isTrue();
    }

    @Test
    void aHashRejectedAtVerificationKeepsItsCodeAndInputWithoutAHashHasNoStatus() {
        Scenario s = new Scenario();
        StateMessages.Signed good = StateMessages.sign(MessageType.POST, post(A, 1, "blog", body("v", 1)), ALICE, "T", 5);
        ObjectNode tampered = (ObjectNode) StateMessages.parse(good.envelope());
        tampered.put("item_content", tampered.get("item_content").textValue().replace("\"v\":1", "\"v\":2"));
        s.addRaw(tampered.toString());
        ObjectNode unsigned = (ObjectNode) StateMessages.parse(good.envelope());
        unsigned.put("item_hash", "12".repeat(32));
        unsigned.remove("signature");
        s.addRaw(unsigned.toString());
        s.addRaw("{\"truncated\": ");

        ObjectNode statuses = (ObjectNode) s.expired().json().get("statuses");

        assertThat(statuses.get(good.hash()).get("status").textValue()).isEqualTo("rejected");
        assertThat(statuses.get(good.hash()).get("error_code").intValue()).isEqualTo(0);
        // unsigned input whose claimed hash does not even match: the format rule comes first
        assertThat(statuses.get("12".repeat(32)).get("error_code").intValue()).isEqualTo(0);
        assertThat(statuses).hasSize(2);
    }

    @Test
    void ofSeveralRejectedCopiesTheOneWithTheSmallestRawHashIsShown() {
        Scenario s = new Scenario();
        StateMessages.Signed good = StateMessages.sign(MessageType.POST, post(A, 1, "blog", body("v", 1)), ALICE, "T", 5);
        ObjectNode badSignature = (ObjectNode) StateMessages.parse(good.envelope());
        badSignature.put("signature", "0x" + "00".repeat(65));
        ObjectNode badChain = (ObjectNode) StateMessages.parse(good.envelope());
        badChain.put("chain", "NOPE");
        s.addRaw(badSignature.toString());
        s.addRaw(badChain.toString());
        int expected = ItemHashes.sha256Hex(badSignature.toString()).compareTo(ItemHashes.sha256Hex(badChain.toString())) < 0 ? 1 : 0;

        assertThat(s.expired().status(good.hash())).isEqualTo("rejected " + expected);
    }

    @Test
    void aValidCopyWinsOverRejectedCopiesOfTheSameHash() {
        Scenario s = new Scenario();
        StateMessages.Signed good = StateMessages.sign(MessageType.POST, post(A, 1, "blog", body("v", 1)), ALICE, "T", 5);
        ObjectNode badSignature = (ObjectNode) StateMessages.parse(good.envelope());
        badSignature.put("signature", "0x" + "00".repeat(65));
        s.addRaw(badSignature.toString());
        s.addRaw(good.envelope());

        assertThat(s.expired().status(good.hash())).isEqualTo("processed");
    }

    @Test
    void theKeptCopyIsTheSmallestSoARelayedChannelCanDecideAuthorization() {
        // the same signed message, relayed with another (unsigned) time and channel
        StateMessages.Signed grant = StateMessages.sign(MessageType.AGGREGATE,
                security(A, 1, filter(delegate(DELEGATE.address()), "channels", "CH-A")), ALICE, "S", 1);
        StateMessages.Signed inA = StateMessages.sign(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE, "CH-A", 200);
        String earlierInB = StateMessages.relayed(inA.envelope(), 100, "CH-B");
        String laterInB = StateMessages.relayed(inA.envelope(), 300, "CH-B");
        ReferenceModel model = new ReferenceModel();

        assertThat(model.state(List.of(grant.envelope(), inA.envelope(), laterInB))
                .get("statuses").get(inA.hash()).get("status").textValue()).isEqualTo("processed");
        assertThat(model.state(List.of(earlierInB, grant.envelope(), inA.envelope(), inA.envelope()))
                .get("statuses").get(inA.hash()).get("status").textValue()).isEqualTo("rejected");
    }

    @Test
    void theStateDoesNotDependOnOrderOrDuplicates() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.POST, post(A, 100, "blog", body("v", 0)), ALICE);
        s.add(MessageType.POST, StateMessages.amend(A, 110, original, body("v", 1)), ALICE);
        s.add(MessageType.AGGREGATE, security(A, 1, delegate(DELEGATE.address())), ALICE);
        s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), DELEGATE);
        s.add(MessageType.FORGET, StateMessages.forget(A, 200, List.of(original), List.of()), ALICE);
        ReferenceModel model = new ReferenceModel();
        String expected = ReferenceModel.text(model.state(s.envelopes()));

        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<String> shuffled = new ArrayList<>(s.envelopes());
            shuffled.addAll(s.envelopes().subList(0, random.nextInt(s.envelopes().size())));
            Collections.shuffle(shuffled, random);
            assertThat(ReferenceModel.text(model.state(shuffled))).isEqualTo(expected);
        }
    }

    @Test
    void theDefaultIsTheExpiredState() {
        assertThat(new ReferenceModel().expired()).isTrue();
        assertThat(new ReferenceModel(false).expired()).isFalse();
    }
}
