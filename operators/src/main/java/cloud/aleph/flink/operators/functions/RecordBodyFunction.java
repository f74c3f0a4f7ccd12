package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.crypto.SignatureVerifiers;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.RecordBody;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Reads a raw record for the agreement: its envelope and content are checked as the CCNs check
 * them, but not its signature, which the CCNs attest.
 */
public class RecordBodyFunction extends RichMapFunction<RawMessage, RecordBody> {

    private static final long serialVersionUID = 1L;

    private transient MessageVerifier parser;

    @Override
    public void open(OpenContext openContext) {
        parser = new MessageVerifier(SignatureVerifiers.attestedElsewhere());
    }

    @Override
    public RecordBody map(RawMessage raw) {
        byte[] payload = raw.payload() == null ? new byte[0] : raw.payload();
        Verdict parsed = parser.verify(raw);
        String rejectionId = parsed.isAccepted() ? ItemHashes.sha256Hex(payload) : parsed.rejected().rejectionId();
        return new RecordBody(parsed, rejectionId, MessageVerifier.rawText(payload), payload.length);
    }
}
