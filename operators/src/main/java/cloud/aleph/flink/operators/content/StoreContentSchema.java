package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.ItemType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * STORE content (aleph-message {@code StoreContent}, spec §4.3): {@code item_type} and a strict
 * {@code item_hash}, optional {@code size}, {@code content_type}, {@code ref}, {@code metadata},
 * and a {@code payment} of type hold or credit. Unknown keys are ignored (and kept in the stored
 * content by the reference). Whether {@code item_type} matches the hash is a fetch-time rule.
 */
final class StoreContentSchema {

    private static final Set<String> ITEM_TYPES =
            Arrays.stream(ItemType.values()).map(ItemType::wire).collect(Collectors.toUnmodifiableSet());

    private StoreContentSchema() {}

    static void validate(JsonNode content) throws ContentFormatException {
        ModelObject store = BaseContentSchema.open(content, ExtraFields.IGNORE);
        store.requiredOneOf("item_type", ITEM_TYPES);
        store.requiredItemHash("item_hash");
        store.optInt("size");
        store.optStr("content_type");
        store.optStr("ref");
        store.optDict("metadata", Integer.MAX_VALUE);
        ModelObject payment = store.optModel("payment", ExtraFields.IGNORE);
        if (payment != null) {
            String type = PaymentSchema.read(payment);
            if (!PaymentSchema.HOLD.equals(type) && !PaymentSchema.CREDIT.equals(type)) {
                throw new ContentFormatException(store.loc("payment")
                        + ": Value error, Only 'hold' and 'credit' payment types are supported for store messages");
            }
        }
        store.finish();
    }
}
