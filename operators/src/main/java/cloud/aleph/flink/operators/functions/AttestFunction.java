package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.consensus.CcnKey;
import cloud.aleph.flink.operators.consensus.ConsensusTexts;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.Verdict;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Turns this CCN's verdict on a record into an attestation signed with the CCN's node key. */
public class AttestFunction extends RichMapFunction<Verdict, Attestation> {

    private static final long serialVersionUID = 1L;

    private final String ccn;
    private final String nodeKey;

    private transient CcnKey key;

    /**
     * @param ccn this CCN's id
     * @param nodeKey its node key as configured ({@link CcnKey#parse}: secp256k1 or Ed25519)
     */
    public AttestFunction(String ccn, String nodeKey) {
        this.ccn = ccn;
        this.nodeKey = nodeKey;
        CcnKey.parse(nodeKey); // a bad key fails when the job is built, not on the cluster
    }

    @Override
    public void open(OpenContext openContext) {
        key = CcnKey.parse(nodeKey);
    }

    @Override
    public Attestation map(Verdict verdict) {
        Attestation unsigned = verdict.isAccepted()
                ? new Attestation(ccn, verdict.accepted().partition(), verdict.accepted().offset(),
                        verdict.accepted().itemHash(), true, null, null)
                : new Attestation(ccn, verdict.rejected().partition(), verdict.rejected().offset(),
                        verdict.rejected().itemHash(), false, verdict.rejected().errorCode().code(), null);
        return new Attestation(unsigned.ccn(), unsigned.partition(), unsigned.offset(), unsigned.itemHash(),
                unsigned.valid(), unsigned.errorCode(), key.sign(ConsensusTexts.attestation(unsigned)));
    }
}
