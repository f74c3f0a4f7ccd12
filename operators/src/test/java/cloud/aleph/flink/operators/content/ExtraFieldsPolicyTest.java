package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Unknown keys: refused at the top of every type but STORE, and per nested model as aleph-message declares. */
class ExtraFieldsPolicyTest {

    @ParameterizedTest
    @EnumSource(value = ContentBases.class, names = "STORE", mode = EnumSource.Mode.EXCLUDE)
    void topLevelExtraKeyIsRefused(ContentBases base) {
        ObjectNode content = base.content().put("mime_type", "text/plain");

        assertThat(base.reasonFor(content)).isEqualTo("content.mime_type: Extra inputs are not permitted");
    }

    @ParameterizedTest
    @EnumSource(value = ContentBases.class, names = "STORE")
    void storeIgnoresExtraKeys(ContentBases base) {
        ObjectNode content = base.content().put("mime_type", "text/plain");

        assertThat(base.reasonFor(content)).isNull();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "AGGREGATE_NAMED_KEY, /key,                                false",
        "POST_CHAIN_REF,      /ref,                                true",
        "STORE,               /payment,                            true",
        "PROGRAM,             /resources,                          true",
        "PROGRAM,             /resources/published_ports/0,        true",
        "PROGRAM,             /environment,                        true",
        "PROGRAM,             /code,                               true",
        "PROGRAM,             /runtime,                            true",
        "PROGRAM,             /data,                               true",
        "PROGRAM,             /export,                             true",
        "PROGRAM,             /on,                                 false",
        "PROGRAM,             /on/message/0,                       true",
        "PROGRAM,             /requirements,                       false",
        "PROGRAM,             /requirements/cpu,                   false",
        "PROGRAM,             /requirements/node,                  false",
        "PROGRAM,             /volumes/0,                          false",
        "PROGRAM,             /volumes/1,                          false",
        "PROGRAM,             /volumes/2,                          false",
        "INSTANCE,            /requirements/gpu/0,                 false",
        "INSTANCE,            /environment,                        true",
        "INSTANCE,            /environment/trusted_execution,      false",
        "INSTANCE,            /rootfs,                             true",
        "INSTANCE,            /rootfs/parent,                      true",
        "INSTANCE,            /payment,                            true",
        "V_PROGRAM,           /environment,                        false",
        "V_PROGRAM,           /runtime,                            false",
        "V_PROGRAM,           /workload,                           false",
        "V_PROGRAM,           /verification,                       false",
        "V_PROGRAM,           /verification/measurements/0,        false",
        "V_PROGRAM,           /volumes/0,                          false",
        "V_PROGRAM,           /payment,                            true",
    })
    void nestedModelsFollowTheirOwnPolicy(ContentBases base, String pointer, boolean accepted) {
        ObjectNode content = base.content();
        ((ObjectNode) content.at(pointer)).put("zz_extra", 1);

        String reason = base.reasonFor(content);

        if (accepted) {
            assertThat(reason).isNull();
        } else {
            assertThat(reason).startsWith("content" + pointer.replace('/', '.'));
        }
    }
}
