package cloud.aleph.flink.operators.state;

/**
 * A file a PROGRAM or INSTANCE needs (code, runtime, data, rootfs parent, volume).
 *
 * @param ref the item_hash it names
 * @param useLatest true when the latest version of the file (its tag) is meant, false for exactly that STORE
 */
public record VolumeRef(String ref, boolean useLatest) {

    /** Identity of the answer for this ref, as the volume index and the owner state store it. */
    public String key() {
        return (useLatest ? "latest:" : "exact:") + ref;
    }
}
