package cloud.aleph.flink.operators.model;

import java.util.Comparator;

/**
 * The fields that tell copies of one item_hash apart, in the total order used to choose the copy
 * that is kept: copies that carry their content (inline) first, then signature, sender, chain,
 * envelope time, channel (null first). The reference keeps whichever copy it processed first
 * (spec §7.7); keeping the smallest copy instead makes the stored message a function of the set of
 * copies received, whatever their order. Inline copies come first because item_type is not
 * signed: a relayer could otherwise relabel a copy as storage, drop its content and win.
 */
public record CopyKey(boolean withoutContent, String signature, String sender, String chain, double time, String channel)
        implements Comparable<CopyKey> {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private static final Comparator<CopyKey> ORDER = Comparator.comparing(CopyKey::withoutContent)
            .thenComparing(CopyKey::signature, NULLS_FIRST)
            .thenComparing(CopyKey::sender, NULLS_FIRST)
            .thenComparing(CopyKey::chain, NULLS_FIRST)
            .thenComparingDouble(CopyKey::time)
            .thenComparing(CopyKey::channel, NULLS_FIRST);

    public static CopyKey of(VerifiedMessage message) {
        return new CopyKey(message.itemContent() == null,
                message.signature(), message.sender(), message.chain().wire(), message.time(), message.channel());
    }

    @Override
    public int compareTo(CopyKey other) {
        return ORDER.compare(this, other);
    }
}
