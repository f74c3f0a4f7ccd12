package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.EpochDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The exact texts CCNs sign. A signature over one of these binds every field a receiver acts on,
 * so an attestation or digest cannot be replayed for another record, verdict or epoch.
 */
public final class ConsensusTexts {

    /** Chain value before a partition's first epoch. */
    public static final String GENESIS = "genesis";

    private ConsensusTexts() {}

    public static byte[] attestation(Attestation a) {
        return utf8("aleph-flink attestation v1\n" + a.ccn() + "\n" + a.partition() + "\n" + a.offset() + "\n"
                + Objects.toString(a.itemHash(), "-") + "\n" + (a.valid() ? "valid" : "invalid") + "\n"
                + Objects.toString(a.errorCode(), "-"));
    }

    /** The chain value of an epoch: it covers the previous chain value, the root and the epoch's place. */
    public static String chain(String previous, String root, int partition, long start, long end) {
        return ItemHashes.sha256Hex(previous + "\n" + root + "\n" + partition + "\n" + start + "\n" + end);
    }

    public static byte[] digest(EpochDigest d) {
        return utf8("aleph-flink digest v1\n" + d.ccn() + "\n" + d.partition() + "\n" + d.start() + "\n" + d.end()
                + "\n" + d.root() + "\n" + d.chain());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
