package cloud.aleph.flink.operators.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitingMessagesTest {

    @Test
    void eachOwnersLatestCountReplacesItsPreviousOne() {
        WaitingMessages waiting = new WaitingMessages();
        waiting.set("a", 3);
        waiting.set("b", 2);
        assertThat(waiting.total()).isEqualTo(5);

        waiting.set("a", 1);
        assertThat(waiting.total()).isEqualTo(3);

        waiting.set("b", 0);
        waiting.set("b", 0);
        assertThat(waiting.total()).as("an owner with nothing waiting counts for nothing, however often it is set").isEqualTo(1);
    }
}
