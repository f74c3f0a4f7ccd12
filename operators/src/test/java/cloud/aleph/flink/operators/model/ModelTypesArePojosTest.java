package cloud.aleph.flink.operators.model;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import cloud.aleph.flink.operators.functions.MessageRecordState;
import cloud.aleph.flink.operators.functions.MessageStatusState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Records that travel between operators or live in state must use Flink's POJO serializer, never Kryo. */
class ModelTypesArePojosTest {

    @ParameterizedTest
    @ValueSource(classes = {
        RawMessage.class,
        VerifiedMessage.class,
        Rejection.class,
        Verdict.class,
        StatusUpdate.class,
        AcceptedCopy.class,
        CopyKey.class,
        MessageStatusState.class,
        MessageRecordState.class,
        StateDecision.class,
        StateRowChange.class,
        VolumeEvent.class,
        MessageEvent.class,
        MessageRowChange.class,
        ForgottenRecord.class
    })
    void isSerializedAsPojo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }
}
