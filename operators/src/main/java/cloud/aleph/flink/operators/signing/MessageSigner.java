package cloud.aleph.flink.operators.signing;

import cloud.aleph.flink.operators.model.Chain;

/** Signs Aleph messages for one account, the way the official SDK of its chain does. */
public interface MessageSigner {

    /** The chain the signatures are for. */
    Chain chain();

    /** The sender address to put in envelopes. */
    String address();

    /**
     * @param verificationBuffer {@code chain\nsender\ntype\nitem_hash} in UTF-8 (spec §3.1)
     * @return the envelope's {@code signature} field
     */
    String sign(byte[] verificationBuffer);
}
