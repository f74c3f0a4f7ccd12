package cloud.aleph.flink.operators.model;

/**
 * Traffic of the volume index, keyed by the ref it is about: a fact ("an accepted STORE exists
 * under this ref") or a request ("this VM needs this ref"), and the index's answer back to the
 * VM's owner. Exactly one of the kinds applies.
 *
 * @param kind what it is
 * @param ref the item_hash the file is named by
 * @param useLatest for a request and an answer: whether the VM wants the latest version of the ref
 * @param exact for a fact: a STORE has this very hash (true) or only refers to it (false)
 * @param vmHash for a request and an answer: the VM
 * @param owner for a request and an answer: the VM's owner
 */
public record VolumeEvent(Kind kind, String ref, boolean useLatest, boolean exact, String vmHash, String owner) {

    public enum Kind {
        FACT,
        REQUEST,
        ANSWER
    }

    public static VolumeEvent fact(String ref, boolean exact) {
        return new VolumeEvent(Kind.FACT, ref, false, exact, null, null);
    }

    public static VolumeEvent request(String ref, boolean useLatest, String vmHash, String owner) {
        return new VolumeEvent(Kind.REQUEST, ref, useLatest, false, vmHash, owner);
    }

    public VolumeEvent answer() {
        return new VolumeEvent(Kind.ANSWER, ref, useLatest, false, vmHash, owner);
    }
}
