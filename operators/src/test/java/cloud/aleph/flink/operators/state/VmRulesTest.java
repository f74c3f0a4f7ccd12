package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.Accounts.ALICE;
import static cloud.aleph.flink.operators.state.Accounts.BOB;
import static cloud.aleph.flink.operators.state.StateMessages.body;
import static cloud.aleph.flink.operators.state.StateMessages.forget;
import static cloud.aleph.flink.operators.state.StateMessages.instance;
import static cloud.aleph.flink.operators.state.StateMessages.post;
import static cloud.aleph.flink.operators.state.StateMessages.program;
import static cloud.aleph.flink.operators.state.StateMessages.store;
import static cloud.aleph.flink.operators.state.StateMessages.withAllowAmend;
import static cloud.aleph.flink.operators.state.StateMessages.withData;
import static cloud.aleph.flink.operators.state.StateMessages.withPersistentParent;
import static cloud.aleph.flink.operators.state.StateMessages.withReplaces;
import static cloud.aleph.flink.operators.state.StateMessages.withVolume;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.content.ContentFormatException;
import cloud.aleph.flink.operators.content.ContentSchemas;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §5 VMs, §6 volumes and the PROGRAM/INSTANCE rows of the §2 table. */
class VmRulesTest {

    private static final String A = ALICE.address();
    private static final String B = BOB.address();
    private static final String MISSING = "ee".repeat(32);

    /** Bob's code, runtime and rootfs: volumes are looked up across owners. */
    private static final class Files {
        final String code;
        final String runtime;
        final String rootfs;

        Files(Scenario s) {
            code = s.add(MessageType.STORE, store(B, 1, "c0".repeat(32), null), BOB);
            runtime = s.add(MessageType.STORE, store(B, 2, "c1".repeat(32), null), BOB);
            rootfs = s.add(MessageType.STORE, store(B, 3, "c2".repeat(32), null), BOB);
        }
    }

    @Test
    void theTemplatesTheTestsUsePassTheContentSchema() throws ContentFormatException {
        ContentSchemas.validate(MessageType.PROGRAM,
                withData(withVolume(withPersistentParent(program(A, 1, MISSING, MISSING), MISSING), MISSING, true), MISSING));
        ContentSchemas.validate(MessageType.INSTANCE, withReplaces(instance(A, 1, MISSING), MISSING));
    }

    @Test
    void aVmWhoseVolumesAreStoresOfAnotherOwnerIsItsOwnCurrentVersion() {
        Scenario s = new Scenario();
        Files f = new Files(s);
        String vm = s.add(MessageType.PROGRAM, program(A, 10, f.code, f.runtime), ALICE);
        String vmWithVolumes = s.add(MessageType.PROGRAM,
                withData(withPersistentParent(withVolume(program(A, 11, f.code, f.runtime), f.rootfs, false), f.rootfs), f.code),
                ALICE);
        String instance = s.add(MessageType.INSTANCE, instance(A, 12, f.rootfs), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(vm)).isEqualTo("processed");
        assertThat(state.status(vmWithVolumes)).isEqualTo("processed");
        assertVm(state.vm(vm), A, "PROGRAM", vm);
        assertThat(state.vm(vm).get("updates")).isEmpty();
        assertVm(state.vm(instance), A, "INSTANCE", instance);
    }

    @Test
    void eachKindOfMissingVolumeWaits301() {
        Scenario s = new Scenario();
        Files f = new Files(s);
        String code = s.add(MessageType.PROGRAM, program(A, 10, MISSING, f.runtime), ALICE);
        String runtime = s.add(MessageType.PROGRAM, program(A, 11, f.code, MISSING), ALICE);
        String data = s.add(MessageType.PROGRAM, withData(program(A, 12, f.code, f.runtime), MISSING), ALICE);
        String immutable = s.add(MessageType.PROGRAM, withVolume(program(A, 13, f.code, f.runtime), MISSING, false), ALICE);
        String parent = s.add(MessageType.PROGRAM, withPersistentParent(program(A, 14, f.code, f.runtime), MISSING), ALICE);
        String rootfs = s.add(MessageType.INSTANCE, instance(A, 15, MISSING), ALICE);

        for (String vm : List.of(code, runtime, data, immutable, parent, rootfs)) {
            assertThat(s.waiting().status(vm)).as(vm).isEqualTo("pending 301");
            assertThat(s.expired().status(vm)).as(vm).isEqualTo("rejected 301");
        }
        assertThat(s.expired().json().get("vms")).isEmpty();
    }

    @Test
    void useLatestAlsoAcceptsAStoreWhoseRefIsTheVolumeRef() {
        Scenario s = new Scenario();
        Files f = new Files(s);
        String ref = "ab".repeat(32);
        // Bob's store refers to a missing store: it waits (200) but it is accepted, and its content.ref is the ref
        String refHolder = s.add(MessageType.STORE, store(B, 5, "c3".repeat(32), ref), BOB);
        String latest = s.add(MessageType.PROGRAM, withVolume(program(A, 10, f.code, f.runtime), ref, true), ALICE);
        String exact = s.add(MessageType.PROGRAM, withVolume(program(A, 11, f.code, f.runtime), ref, false), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(refHolder)).isEqualTo("rejected 200");
        assertThat(state.status(latest)).isEqualTo("processed");
        assertThat(state.status(exact)).isEqualTo("rejected 301");
    }

    @Test
    void anyAcceptedStoreSatisfiesAVolumeForgottenNotValidOrNotInline() {
        Scenario s = new Scenario();
        Files f = new Files(s);
        String forgotten = s.add(MessageType.STORE, store(B, 5, "c4".repeat(32), null), BOB);
        s.add(MessageType.FORGET, forget(B, 6, List.of(forgotten), List.of()), BOB);
        String unauthorized = s.add(MessageType.STORE, store(B, 5, "c5".repeat(32), null), ALICE);
        StateMessages.Signed nonInline = StateMessages.signNonInline(MessageType.STORE, "c6".repeat(32), BOB, "TEST", 7);
        s.addRaw(nonInline.envelope());
        String vm = s.add(MessageType.PROGRAM,
                withVolume(withVolume(withVolume(program(A, 10, f.code, f.runtime), forgotten, false), unauthorized, false),
                        nonInline.hash(), false),
                ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(forgotten)).isEqualTo("forgotten");
        assertThat(state.status(unauthorized)).isEqualTo("rejected 2");
        assertThat(state.status(nonInline.hash())).isEqualTo("rejected 3");
        assertThat(state.status(vm)).isEqualTo("processed");
    }

    @Test
    void theCurrentVersionIsTheLastLiveUpdateInContentTimeOrder() {
        Scenario s = new Scenario();
        Files f = new Files(s);
        String original = s.add(MessageType.PROGRAM, program(A, 10, f.code, f.runtime), ALICE);
        String before = s.add(MessageType.PROGRAM, withReplaces(program(A, 5, f.code, f.runtime), original), ALICE);
        String last = s.add(MessageType.PROGRAM, withReplaces(program(A, 30, f.code, f.runtime), original), ALICE);
        String middle = s.add(MessageType.PROGRAM, withReplaces(program(A, 20, f.code, f.runtime), original), ALICE);

        Scenario.State state = s.expired();

        assertVm(state.vm(original), A, "PROGRAM", last);
        assertThat(PostRulesTest.texts(state.vm(original).get("updates"))).containsExactly(before, middle, last);
        assertThat(state.vm(last)).isNull();

        s.add(MessageType.FORGET, forget(A, 40, List.of(last), List.of()), ALICE);
        assertVm(s.expired().vm(original), A, "PROGRAM", middle);
    }

    @Test
    void anUpdateMayReplaceAVmOfTheOtherType() {
        Scenario s = new Scenario();
        Files f = new Files(s);
        String original = s.add(MessageType.INSTANCE, instance(A, 10, f.rootfs), ALICE);
        String instanceUpdate = s.add(MessageType.INSTANCE, withReplaces(instance(A, 20, f.rootfs), original), ALICE);
        String programUpdate = s.add(MessageType.PROGRAM, withReplaces(program(A, 30, f.code, f.runtime), original), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.status(instanceUpdate)).isEqualTo("processed");
        assertVm(state.vm(original), A, "INSTANCE", programUpdate);
        assertThat(PostRulesTest.texts(state.vm(original).get("updates"))).containsExactly(instanceUpdate, programUpdate);
    }

    @Test
    void replacesErrors() {
        Scenario s = new Scenario();
        Files f = new Files(s);
        String original = s.add(MessageType.PROGRAM, program(A, 10, f.code, f.runtime), ALICE);
        String update = s.add(MessageType.PROGRAM, withReplaces(program(A, 20, f.code, f.runtime), original), ALICE);
        String updateOfUpdate = s.add(MessageType.PROGRAM, withReplaces(program(A, 30, f.code, f.runtime), update), ALICE);
        String updateOfRejected = s.add(MessageType.PROGRAM, withReplaces(program(A, 40, f.code, f.runtime), updateOfUpdate), ALICE);
        String locked = s.add(MessageType.PROGRAM, withAllowAmend(program(A, 11, f.code, f.runtime), false), ALICE);
        String updateOfLocked = s.add(MessageType.PROGRAM, withReplaces(program(A, 21, f.code, f.runtime), locked), ALICE);
        String updateOfMissing = s.add(MessageType.PROGRAM, withReplaces(program(A, 22, f.code, f.runtime), MISSING), ALICE);
        String bobs = s.add(MessageType.PROGRAM, program(B, 10, f.code, f.runtime), BOB);
        String updateOfBobs = s.add(MessageType.PROGRAM, withReplaces(program(A, 23, f.code, f.runtime), bobs), ALICE);
        String aPost = s.add(MessageType.POST, post(A, 10, "blog", body("v", 1)), ALICE);
        String updateOfPost = s.add(MessageType.PROGRAM, withReplaces(program(A, 24, f.code, f.runtime), aPost), ALICE);
        // 303 is checked before the volumes
        String updateOfUpdateWithoutVolumes = s.add(MessageType.PROGRAM, withReplaces(program(A, 31, MISSING, MISSING), update), ALICE);

        Scenario.State waiting = s.waiting();

        assertThat(waiting.status(updateOfUpdate)).isEqualTo("rejected 303");
        assertThat(waiting.status(updateOfRejected)).isEqualTo("pending 300");
        assertThat(waiting.status(updateOfLocked)).isEqualTo("rejected 302");
        assertThat(waiting.status(updateOfMissing)).isEqualTo("pending 300");
        assertThat(waiting.status(updateOfBobs)).isEqualTo("pending 300");
        assertThat(waiting.status(updateOfPost)).isEqualTo("pending 300");
        assertThat(waiting.status(updateOfUpdateWithoutVolumes)).isEqualTo("rejected 303");
        assertThat(waiting.status(locked)).isEqualTo("processed");
        assertVm(waiting.vm(original), A, "PROGRAM", update);
        assertThat(s.expired().status(updateOfMissing)).isEqualTo("rejected 300");
    }

    @Test
    void forgettingAnOriginalForgetsItsUpdates() {
        Scenario s = new Scenario();
        Files f = new Files(s);
        String original = s.add(MessageType.PROGRAM, program(A, 10, f.code, f.runtime), ALICE);
        String update = s.add(MessageType.PROGRAM, withReplaces(program(A, 20, f.code, f.runtime), original), ALICE);
        String forget = s.add(MessageType.FORGET, forget(A, 30, List.of(original), List.of()), ALICE);

        Scenario.State state = s.expired();

        assertThat(state.forgottenBy(original)).containsExactly(forget);
        assertThat(state.forgottenBy(update)).containsExactly(forget);
        assertThat(state.json().get("vms")).isEmpty();
    }

    @Test
    void aNonInlineMessageWaitsForItsContent3() {
        Scenario s = new Scenario();
        for (MessageType type : List.of(MessageType.POST, MessageType.STORE, MessageType.FORGET, MessageType.PROGRAM)) {
            StateMessages.Signed message = StateMessages.signNonInline(type, ("d" + type.ordinal()).repeat(32), ALICE, "T", 1);
            s.addRaw(message.envelope());
            assertThat(s.waiting().status(message.hash())).isEqualTo("pending 3");
            assertThat(s.expired().status(message.hash())).isEqualTo("rejected 3");
        }
    }

    private static void assertVm(JsonNode vm, String owner, String type, String current) {
        assertThat(vm).as("vm entry").isNotNull();
        assertThat(vm.get("owner").textValue()).isEqualTo(owner);
        assertThat(vm.get("type").textValue()).isEqualTo(type);
        assertThat(vm.get("current").textValue()).isEqualTo(current);
    }
}
