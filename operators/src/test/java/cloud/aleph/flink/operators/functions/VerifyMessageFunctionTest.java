package cloud.aleph.flink.operators.functions;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verification operator in Flink's one-input test harness, with metrics read from a real metric group. */
class VerifyMessageFunctionTest {

    private record Registered(String logicalScope, Map<String, String> variables, String name, Metric metric) {}

    private final List<Registered> registered = new CopyOnWriteArrayList<>();
    private MockEnvironment environment;
    private OneInputStreamOperatorTestHarness<RawMessage, Verdict> harness;

    @BeforeEach
    void openHarness() throws Exception {
        TestingMetricRegistry registry = TestingMetricRegistry.builder()
                .setRegisterConsumer((metric, name, group) -> registered.add(new Registered(
                        group.getLogicalScope(input -> input, '.'), group.getAllVariables(), name, metric)))
                .build();
        TaskMetricGroup taskGroup = TaskManagerMetricGroup.createTaskManagerMetricGroup(registry, "localhost", ResourceID.generate())
                .addJob(new JobID(), "verification-test")
                .addTask(ExecutionAttemptID.randomId(), "verify");
        environment = new MockEnvironmentBuilder().setMetricGroup(taskGroup).build();
        harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new VerifyMessageFunction()), environment);
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
        environment.close();
    }

    @Test
    void emitsOneVerdictPerRecordAndCountsThem() throws Exception {
        List<String> lines = Fixtures.fixtureLines();
        harness.processElement(raw(0, lines.get(0)), 10L); // A01: valid ETH
        harness.processElement(raw(1, lines.get(1)), 11L); // A02: valid SOL
        harness.processElement(raw(2, lines.get(49)), 12L); // D21: hash mismatch
        harness.processElement(raw(3, lines.get(54)), 13L); // D26: bad signature
        harness.processElement(raw(4, "not json at all"), 14L);
        harness.processElement(raw(5, lines.get(1).replace("{\\\"signature\\\": ", "{\\\"sig\\\": ")), 15L); // KeyError quirk

        List<Verdict> verdicts = harness.extractOutputValues();

        assertThat(verdicts).hasSize(6);
        assertThat(verdicts.get(0).isAccepted()).isTrue();
        assertThat(verdicts.get(0).accepted().offset()).isEqualTo(0L);
        assertThat(verdicts.get(1).isAccepted()).isTrue();
        assertThat(verdicts.subList(2, 6))
                .extracting(v -> v.rejected().errorCode())
                .containsExactly(ErrorCode.INVALID_FORMAT, ErrorCode.INVALID_SIGNATURE, ErrorCode.INVALID_FORMAT, ErrorCode.INTERNAL_ERROR);
        assertThat(verdicts.get(4).rejected().offset()).isEqualTo(4L);

        assertThat(counter(VerificationMetrics.MESSAGES_ACCEPTED, null)).isEqualTo(2);
        assertThat(counter(VerificationMetrics.MESSAGES_REJECTED, null)).isEqualTo(4);
        assertThat(counter(VerificationMetrics.MESSAGES_REJECTED, ErrorCode.INVALID_FORMAT)).isEqualTo(2);
        assertThat(counter(VerificationMetrics.MESSAGES_REJECTED, ErrorCode.INVALID_SIGNATURE)).isEqualTo(1);
        assertThat(counter(VerificationMetrics.MESSAGES_REJECTED, ErrorCode.INTERNAL_ERROR)).isEqualTo(1);
        assertThat(counter(VerificationMetrics.MESSAGES_REJECTED, ErrorCode.PERMISSION_DENIED)).isZero();
    }

    @Test
    void registersABoundedSetOfCountersOnce() throws Exception {
        int before = registered.size();
        harness.processElement(raw(0, "{}"), 1L);
        harness.processElement(raw(1, Fixtures.fixtureLines().get(0)), 2L);
        assertThat(registered).hasSize(before);
        List<Registered> ours = registered.stream().filter(r -> r.logicalScope().contains(VerificationMetrics.GROUP)).toList();
        assertThat(ours).hasSize(2 + ErrorCode.values().length);
        assertThat(ours)
                .filteredOn(r -> r.variables().containsKey("<" + VerificationMetrics.ERROR_CODE_GROUP + ">"))
                .extracting(r -> r.variables().get("<" + VerificationMetrics.ERROR_CODE_GROUP + ">"))
                .containsExactlyInAnyOrder(Arrays.stream(ErrorCode.values()).map(Enum::name).toArray(String[]::new));
    }

    private long counter(String name, ErrorCode code) {
        String codeVariable = "<" + VerificationMetrics.ERROR_CODE_GROUP + ">";
        List<Registered> matches = registered.stream()
                .filter(r -> r.name().equals(name))
                .filter(r -> r.logicalScope().contains(VerificationMetrics.GROUP))
                .filter(r -> code == null
                        ? !r.variables().containsKey(codeVariable)
                        : code.name().equals(r.variables().get(codeVariable)))
                .toList();
        assertThat(matches).as("counter %s %s", name, code).hasSize(1);
        return ((Counter) matches.get(0).metric()).getCount();
    }

    private static RawMessage raw(long offset, String text) {
        return new RawMessage(0, offset, 1_700_000_000_000L + offset, text.getBytes(StandardCharsets.UTF_8));
    }
}
