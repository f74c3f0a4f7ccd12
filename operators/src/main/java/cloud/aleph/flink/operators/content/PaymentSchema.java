package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.Chain;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** aleph-message {@code Payment} ({@code {chain?, receiver?, type}}, extra keys ignored), shared by STORE and VMs. */
final class PaymentSchema {

    static final String HOLD = "hold";
    static final String SUPERFLUID = "superfluid";
    static final String CREDIT = "credit";

    private static final Set<String> TYPES = Set.of(HOLD, SUPERFLUID, CREDIT);
    private static final Set<String> CHAINS =
            Arrays.stream(Chain.values()).map(Chain::wire).collect(Collectors.toUnmodifiableSet());

    private PaymentSchema() {}

    /** @return the payment type */
    static String read(ModelObject payment) throws ContentFormatException {
        payment.optOneOf("chain", CHAINS);
        payment.optStr("receiver");
        String type = payment.requiredOneOf("type", TYPES);
        payment.finish();
        return type;
    }

    /** PAYG ({@code superfluid}) or credit: the payments that need an assigned node (spec §4.5). */
    static boolean isStreamOrCredit(String type) {
        return SUPERFLUID.equals(type) || CREDIT.equals(type);
    }
}
