package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rules beyond field types: POST amends, INSTANCE requirements and TEE, V-PROGRAM restrictions, FORGET targets. */
class ModelRulesTest {

    private static final String NODE_HASH = "4d4db19afca380fdf06ba7f916153d0f740db9de9eee23ad26ba96a90d8a2920";
    private static final String TERMS = "e258d248fda94c63753607f7c4494ee0fcbe92f1a76bfdac795c9d84101eb317";

    @Nested
    class Roots {

        @Test
        void contentMustBeAnObjectForEveryType() {
            for (ContentBases base : ContentBases.values()) {
                for (String notAnObject : new String[] {"null", "[]", "\"x\"", "12"}) {
                    assertThat(base.reasonFor(ContentTestSupport.readTree(notAnObject)))
                            .as("%s %s", base, notAnObject)
                            .isEqualTo("content: Input should be a valid dictionary or object");
                }
            }
        }

        @Test
        void addressAndTimeAreRequiredEverywhere() {
            for (ContentBases base : ContentBases.values()) {
                ObjectNode noAddress = base.content();
                noAddress.remove("address");
                assertThat(base.reasonFor(noAddress)).as(base.name()).isEqualTo("content.address: Field required");
                ObjectNode noTime = base.content();
                noTime.remove("time");
                assertThat(base.reasonFor(noTime)).as(base.name()).isEqualTo("content.time: Field required");
            }
        }
    }

    @Nested
    class PostAmends {

        @Test
        void amendNeedsANonEmptyRef() {
            String needsRef = "content.type: Value error, A 'ref' is required for POST type 'amend'";
            assertThat(ContentBases.POST.reasonFor(ContentBases.POST.content().put("type", "amend").put("ref", "")))
                    .isEqualTo(needsRef);
            assertThat(ContentBases.POST.reasonFor(ContentBases.POST.content().put("type", "amend").putNull("ref")))
                    .isEqualTo(needsRef);
            ObjectNode noRef = ContentBases.POST.content().put("type", "amend");
            noRef.remove("ref");
            assertThat(ContentBases.POST.reasonFor(noRef)).isEqualTo(needsRef);
        }

        @Test
        void amendWithAChainRefOrAStringIsValid() {
            assertThat(ContentBases.POST_CHAIN_REF.content().get("type").asText()).isEqualTo("amend");
            assertThat(ContentBases.POST_CHAIN_REF.reasonFor(ContentBases.POST_CHAIN_REF.content())).isNull();
            assertThat(ContentBases.POST.reasonFor(ContentBases.POST.content().put("type", "amend"))).isNull();
        }

        @Test
        void refMustBeAStringOrAChainRef() {
            assertThat(ContentBases.POST.reasonFor(ContentBases.POST.content().put("ref", 5)))
                    .startsWith("content.ref:");
            ObjectNode wrongType = ContentBases.POST_CHAIN_REF.content();
            ((ObjectNode) wrongType.get("ref")).put("type", "STORE");
            assertThat(ContentBases.POST_CHAIN_REF.reasonFor(wrongType)).startsWith("content.ref.type:");
        }
    }

    @Nested
    class Aggregates {

        @Test
        void contentMustBeAnObject() {
            ObjectNode list = ContentBases.AGGREGATE.content();
            list.putArray("content");
            assertThat(ContentBases.AGGREGATE.reasonFor(list)).startsWith("content.content:");
            assertThat(ContentBases.AGGREGATE.reasonFor(ContentBases.AGGREGATE.content().put("content", "x")))
                    .startsWith("content.content:");
        }

        @Test
        void keyIsAStringOrANameObject() {
            assertThat(ContentBases.AGGREGATE_NAMED_KEY.reasonFor(ContentBases.AGGREGATE_NAMED_KEY.content())).isNull();
            assertThat(ContentBases.AGGREGATE.reasonFor(ContentBases.AGGREGATE.content().put("key", 5)))
                    .startsWith("content.key:");
        }
    }

    @Nested
    class Stores {

        @Test
        void onlyHoldAndCreditPayments() {
            ObjectNode content = ContentBases.STORE.content();
            ((ObjectNode) content.get("payment")).put("type", "credit");
            assertThat(ContentBases.STORE.reasonFor(content)).isNull();
            ((ObjectNode) content.get("payment")).put("type", "superfluid");
            assertThat(ContentBases.STORE.reasonFor(content)).startsWith("content.payment: Value error, Only 'hold'");
        }

        @Test
        void inlineItemTypePassesTheSchemaButTheFileHashMustBeStrict() {
            assertThat(ContentBases.STORE.reasonFor(ContentBases.STORE.content().put("item_type", "inline"))).isNull();
            String upper = ContentBases.STORE.content().get("item_hash").asText().toUpperCase();
            assertThat(ContentBases.STORE.reasonFor(ContentBases.STORE.content().put("item_hash", upper)))
                    .startsWith("content.item_hash:");
        }
    }

    @Nested
    class Forgets {

        @Test
        void bothListsEmptyPassesTheSchema() {
            ObjectNode content = ContentBases.FORGET.content();
            content.putArray("hashes");
            content.putArray("aggregates");
            assertThat(ContentBases.FORGET.reasonFor(content)).isNull();
        }

        @Test
        void hashesAreRequiredAndAggregatesDefaultToEmptyButAreNeverNull() {
            ObjectNode noHashes = ContentBases.FORGET.content();
            noHashes.remove("hashes");
            assertThat(ContentBases.FORGET.reasonFor(noHashes)).isEqualTo("content.hashes: Field required");
            ObjectNode noAggregates = ContentBases.FORGET.content();
            noAggregates.remove("aggregates");
            assertThat(ContentBases.FORGET.reasonFor(noAggregates)).isNull();
            assertThat(ContentBases.FORGET.reasonFor(ContentBases.FORGET.content().putNull("aggregates")))
                    .startsWith("content.aggregates:");
        }

        @Test
        void aggregateTargetsMustBeHashShaped() {
            ObjectNode content = ContentBases.FORGET.content();
            content.putArray("aggregates").add("profile");
            assertThat(ContentBases.FORGET.reasonFor(content)).startsWith("content.aggregates.0:");
        }
    }

    @Nested
    class Instances {

        private ObjectNode plain() {
            return ContentBases.INSTANCE_PLAIN.content();
        }

        private ObjectNode withTerms(ObjectNode content, String payment, boolean tee, boolean nodeHash) {
            ObjectNode node = content.putObject("requirements").putObject("node").put("terms_and_conditions", TERMS);
            if (nodeHash) {
                node.put("node_hash", NODE_HASH);
            }
            if (payment != null) {
                content.putObject("payment").put("type", payment);
            }
            if (tee) {
                ((ObjectNode) content.get("environment")).put("hypervisor", "qemu").putObject("trusted_execution");
            }
            return content;
        }

        @Test
        void termsAndConditionsNeedPaygCreditOrATee() {
            assertThat(ContentBases.INSTANCE.reasonFor(withTerms(plain(), "credit", false, true))).isNull();
            assertThat(ContentBases.INSTANCE.reasonFor(withTerms(plain(), "superfluid", false, true))).isNull();
            assertThat(ContentBases.INSTANCE.reasonFor(withTerms(plain(), "hold", true, true))).isNull();
            assertThat(ContentBases.INSTANCE.reasonFor(withTerms(plain(), "hold", false, true)))
                    .isEqualTo("content: Value error, Only PAYG/CoCo/Credit instances can have a terms_and_conditions");
            assertThat(ContentBases.INSTANCE.reasonFor(withTerms(plain(), null, false, true)))
                    .isEqualTo("content: Value error, Only PAYG/CoCo/Credit instances can have a terms_and_conditions");
        }

        @Test
        void termsAndConditionsNeedANodeHash() {
            assertThat(ContentBases.INSTANCE.reasonFor(withTerms(plain(), "hold", true, false)))
                    .isEqualTo("content: Value error, Terms_and_conditions field needs a requirements.node.node_hash value");
        }

        @Test
        void creditNeedsANodeHashOnlyWhenRequirementsAreSet() {
            ObjectNode withRequirements = plain();
            withRequirements.putObject("payment").put("type", "credit");
            assertThat(ContentBases.INSTANCE.reasonFor(withRequirements))
                    .isEqualTo("content: Value error, Node hash assignment is needed for PAYG or Credit payments");

            ObjectNode withoutRequirements = plain();
            withoutRequirements.remove("requirements");
            withoutRequirements.putObject("payment").put("type", "credit");
            assertThat(ContentBases.INSTANCE.reasonFor(withoutRequirements)).isNull();
        }

        @Test
        void gpuNeedsQemuExplicitly() {
            ObjectNode content = plain();
            ObjectNode requirements = content.putObject("requirements");
            requirements.putArray("gpu").addObject()
                    .put("vendor", "NVIDIA").put("device_name", "H100").put("device_class", "0302").put("device_id", "x");
            requirements.putObject("node").put("node_hash", NODE_HASH);
            assertThat(ContentBases.INSTANCE.reasonFor(content))
                    .isEqualTo("content: Value error, GPU option is only supported for QEmu hypervisor");
            ((ObjectNode) content.get("environment")).put("hypervisor", "qemu");
            assertThat(ContentBases.INSTANCE.reasonFor(content)).isNull();
        }

        /** The reference tests the raw value's truthiness: an empty TEE object slips past the QEmu rule [QUIRK]. */
        @Test
        void emptyTrustedExecutionPassesWithoutQemu() {
            ObjectNode content = plain();
            ((ObjectNode) content.get("environment")).put("hypervisor", "firecracker").putObject("trusted_execution");
            assertThat(ContentBases.INSTANCE.reasonFor(content)).isNull();

            ((ObjectNode) content.at("/environment/trusted_execution")).put("policy", 1);
            assertThat(ContentBases.INSTANCE.reasonFor(content))
                    .startsWith("content.environment.trusted_execution: Value error");
        }
    }

    @Nested
    class VPrograms {

        private ObjectNode base() {
            return ContentBases.V_PROGRAM.content();
        }

        @Test
        void paymentIsRequiredAndMustBeCredit() {
            ObjectNode hold = base();
            ((ObjectNode) hold.get("payment")).put("type", "hold");
            assertThat(ContentBases.V_PROGRAM.reasonFor(hold)).startsWith("content: Value error, V-Programs are credit-only");
            ObjectNode none = base();
            none.remove("payment");
            assertThat(ContentBases.V_PROGRAM.reasonFor(none)).isEqualTo("content.payment: Field required");
        }

        @Test
        void variablesAndAuthorizedKeysMustBeEmpty() {
            ObjectNode variables = base();
            variables.putObject("variables").put("A", "b");
            assertThat(ContentBases.V_PROGRAM.reasonFor(variables))
                    .startsWith("content: Value error, variables are not supported");
            ObjectNode emptyVariables = base();
            emptyVariables.putObject("variables");
            assertThat(ContentBases.V_PROGRAM.reasonFor(emptyVariables)).isNull();
            ObjectNode keys = base();
            keys.putArray("authorized_keys").add("ssh-ed25519 AAAA");
            assertThat(ContentBases.V_PROGRAM.reasonFor(keys)).startsWith("content: Value error, authorized_keys");
        }

        /** The model pyaleph pins (aleph-message 08898ecd) has no immutability rule, unlike later versions. */
        @Test
        void amendableVProgramsPassThePinnedModel() {
            assertThat(ContentBases.V_PROGRAM.reasonFor(base().put("allow_amend", true))).isNull();
            assertThat(ContentBases.V_PROGRAM.reasonFor(base().put("replaces", "x"))).isNull();
        }

        @Test
        void roothashIsExactlySixtyFourLowerHexDigits() {
            ObjectNode trailingNewline = base();
            ((ObjectNode) trailingNewline.get("workload")).put("roothash", "cd".repeat(32) + "\n");
            assertThat(ContentBases.V_PROGRAM.reasonFor(trailingNewline)).startsWith("content.workload.roothash:");
            ObjectNode upper = base();
            ((ObjectNode) upper.get("workload")).put("roothash", "CD".repeat(32));
            assertThat(ContentBases.V_PROGRAM.reasonFor(upper)).startsWith("content.workload.roothash:");
        }
    }
}
