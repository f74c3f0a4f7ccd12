package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.Accounts.ALICE;
import static cloud.aleph.flink.operators.state.Accounts.BOB;
import static cloud.aleph.flink.operators.state.StateMessages.forget;
import static cloud.aleph.flink.operators.state.StateMessages.store;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §5 files and the STORE rows of the §2 table. */
class StoreRulesTest {

    private static final String A = ALICE.address();
    private static final String FILE_1 = "11".repeat(32);
    private static final String FILE_2 = "22".repeat(32);
    private static final String FILE_3 = "33".repeat(32);

    @Test
    void aStoreWithoutRefIsTaggedWithItsOwnHash() {
        Scenario s = new Scenario();
        String store = s.add(MessageType.STORE, store(A, 10, FILE_1, null), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(store)).isEqualTo("processed");
        assertFile(state.file(store), A, FILE_1, store);
    }

    @Test
    void aHashRefTagsWithTheRefAndTheLastStoreInContentTimeOrderShows() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.STORE, store(A, 10, FILE_1, null), ALICE);
        String newer = s.add(MessageType.STORE, store(A, 30, FILE_3, original), ALICE);
        String older = s.add(MessageType.STORE, store(A, 5, FILE_2, original), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(newer)).isEqualTo("processed");
        assertThat(state.status(older)).isEqualTo("processed");
        assertFile(state.file(original), A, FILE_3, newer);
        assertThat(state.json().get("files")).hasSize(1);
    }

    @Test
    void aFreeFormRefTagsWithOwnerSlashRefAndTiesGoToTheLargerHash() {
        Scenario s = new Scenario();
        String first = s.add(MessageType.STORE, store(A, 10, FILE_1, "avatar"), ALICE);
        String second = s.add(MessageType.STORE, store(A, 10, FILE_2, "avatar"), ALICE);
        String larger = first.compareTo(second) > 0 ? first : second;

        JsonNode file = s.expired().file(A + "/avatar");

        assertFile(file, A, larger.equals(first) ? FILE_1 : FILE_2, larger);
    }

    @Test
    void aQmRefShorterThan46CharactersIsFreeForm() {
        Scenario s = new Scenario();
        String ref45 = "Qm" + "a".repeat(43);
        String store = s.add(MessageType.STORE, store(A, 10, FILE_1, ref45), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(store)).isEqualTo("processed");
        assertFile(state.file(A + "/" + ref45), A, FILE_1, store);
    }

    @Test
    void aHashRefToAMissingStoreWaits200() {
        Scenario s = new Scenario();
        String hexRef = s.add(MessageType.STORE, store(A, 10, FILE_1, "cd".repeat(32)), ALICE);
        String cidRef = s.add(MessageType.STORE, store(A, 11, FILE_2, "Qm" + "a".repeat(44)), ALICE);

        assertThat(s.waiting().status(hexRef)).isEqualTo("pending 200");
        assertThat(s.waiting().status(cidRef)).isEqualTo("pending 200");
        Scenario.State state = s.expired();
        assertThat(state.status(hexRef)).isEqualTo("rejected 200");
        assertThat(state.status(cidRef)).isEqualTo("rejected 200");
        assertThat(state.json().get("files")).isEmpty();
    }

    @Test
    void aHashRefToAStoreThatHasARefIsRejected201() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.STORE, store(A, 10, FILE_1, null), ALICE);
        String update = s.add(MessageType.STORE, store(A, 20, FILE_2, original), ALICE);
        String freeForm = s.add(MessageType.STORE, store(A, 21, FILE_2, "notes"), ALICE);
        String updateOfUpdate = s.add(MessageType.STORE, store(A, 30, FILE_3, update), ALICE);
        String updateOfFreeForm = s.add(MessageType.STORE, store(A, 31, FILE_3, freeForm), ALICE);

        assertThat(s.waiting().status(updateOfUpdate)).isEqualTo("rejected 201");
        assertThat(s.waiting().status(updateOfFreeForm)).isEqualTo("rejected 201");
    }

    @Test
    void aHashRefToAStoreThatIsNotValidOrOfAnotherOwnerWaits200() {
        Scenario s = new Scenario();
        String waiting = s.add(MessageType.STORE, store(A, 10, FILE_1, "cd".repeat(32)), ALICE);
        String refToWaiting = s.add(MessageType.STORE, store(A, 20, FILE_2, waiting), ALICE);
        String bobsStore = s.add(MessageType.STORE, store(BOB.address(), 10, FILE_3, null), BOB);
        String refToBobs = s.add(MessageType.STORE, store(A, 20, FILE_3, bobsStore), ALICE);

        Scenario.State state = s.waiting();

        assertThat(state.status(refToWaiting)).isEqualTo("pending 200");
        assertThat(state.status(refToBobs)).isEqualTo("pending 200");
        assertThat(state.status(bobsStore)).isEqualTo("processed");
    }

    @Test
    void forgettingTheNewestStoreOfATagShowsThePreviousOneAndForgettingAllRemovesTheTag() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.STORE, store(A, 10, FILE_1, null), ALICE);
        String update = s.add(MessageType.STORE, store(A, 20, FILE_2, original), ALICE);
        String lonely = s.add(MessageType.STORE, store(A, 15, FILE_3, "lonely"), ALICE);
        String forget = s.add(MessageType.FORGET, forget(A, 30, List.of(update, lonely), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertFile(state.file(original), A, FILE_1, original);
        assertThat(state.file(A + "/lonely")).isNull();
        assertThat(state.forgottenBy(update)).containsExactly(forget);
        assertThat(state.forgottenBy(lonely)).containsExactly(forget);
    }

    @Test
    void anUpdateOfAForgottenStoreStaysValidAndTakesTheTag() {
        Scenario s = new Scenario();
        String original = s.add(MessageType.STORE, store(A, 10, FILE_1, null), ALICE);
        String update = s.add(MessageType.STORE, store(A, 5, FILE_2, original), ALICE);
        s.add(MessageType.FORGET, forget(A, 30, List.of(original), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(original)).isEqualTo("forgotten");
        assertThat(state.status(update)).isEqualTo("processed");
        assertFile(state.file(original), A, FILE_2, update);
    }

    private static void assertFile(JsonNode file, String owner, String fileHash, String store) {
        assertThat(file).as("file entry").isNotNull();
        assertThat(file.get("owner").textValue()).isEqualTo(owner);
        assertThat(file.get("file_hash").textValue()).isEqualTo(fileHash);
        assertThat(file.get("store").textValue()).isEqualTo(store);
    }
}
