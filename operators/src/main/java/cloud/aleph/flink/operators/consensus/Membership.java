package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.EvmVerifier;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The set of CCNs whose attestations and digests count, each with the identity of its node key
 * (secp256k1 or Ed25519, {@link CcnIdentity}), and the quorum a message needs. An attestation
 * counts only if it is signed by the key registered for the CCN id it claims; anything else counts
 * for nothing.
 */
public final class Membership implements Serializable {

    private static final long serialVersionUID = 2L;

    private final Map<String, CcnIdentity> identityById;
    private final int defaultQuorum;
    private final Map<String, Integer> quorumByType;

    private Membership(Map<String, CcnIdentity> identityById, int defaultQuorum, Map<String, Integer> quorumByType) {
        this.identityById = Collections.unmodifiableMap(identityById);
        this.defaultQuorum = defaultQuorum;
        this.quorumByType = Collections.unmodifiableMap(quorumByType);
    }

    /**
     * @param members {@code id=identity,...}: every CCN and the identity of its node key, {@code 0x<40 hex>}
     *     (the EVM address of a secp256k1 key) or {@code ed25519:<64 hex>} (an Ed25519 public key); both kinds may mix
     * @param quorum {@code majority} or a number of CCNs
     * @param quorumByType {@code TYPE=n,...} overrides per message type (may be blank)
     */
    public static Membership parse(String members, String quorum, String quorumByType) {
        Map<String, CcnIdentity> identities = new LinkedHashMap<>();
        for (String member : members.split(",")) {
            if (member.isBlank()) {
                continue;
            }
            String[] parts = member.trim().split("=", 2);
            CcnIdentity identity;
            try {
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalArgumentException("no id");
                }
                identity = CcnIdentity.parse(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "a CCN member is id=0x<40 hex> (secp256k1 address) or id=ed25519:<64 hex> (public key), got '"
                                + member + "'", e);
            }
            if (identities.put(parts[0].trim(), identity) != null) {
                throw new IllegalArgumentException("CCN " + parts[0].trim() + " is listed twice");
            }
        }
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("the consensus needs at least one CCN");
        }
        int majority = identities.size() / 2 + 1;
        int defaultQuorum = "majority".equalsIgnoreCase(quorum.trim()) ? majority : checked(Integer.parseInt(quorum.trim()), identities.size());
        Map<String, Integer> byType = new LinkedHashMap<>();
        if (quorumByType != null) {
            for (String entry : quorumByType.split(",")) {
                if (!entry.isBlank()) {
                    String[] parts = entry.trim().split("=", 2);
                    byType.put(parts[0].trim(), checked(Integer.parseInt(parts[1].trim()), identities.size()));
                }
            }
        }
        return new Membership(identities, defaultQuorum, byType);
    }

    private static int checked(int quorum, int members) {
        if (quorum < 1 || quorum > members) {
            throw new IllegalArgumentException("a quorum must be between 1 and the " + members + " CCNs, got " + quorum);
        }
        return quorum;
    }

    /**
     * Whether {@code ccn} is a member and its registered key signed {@code text} with {@code signature}.
     * Never throws: a malformed or missing signature is simply not the member's.
     *
     * @param secp256k1 the recovery for members with secp256k1 keys (the configured implementation)
     */
    public boolean signedBy(String ccn, byte[] text, String signature, EvmVerifier secp256k1) {
        CcnIdentity identity = ccn == null ? null : identityById.get(ccn);
        return identity != null && identity.signed(text, signature, secp256k1);
    }

    public boolean isKnownId(String ccn) {
        return identityById.containsKey(ccn);
    }

    public int size() {
        return identityById.size();
    }

    /** How many CCNs must agree on a message of this type (its wire value; null for input without a type). */
    public int quorum(String type) {
        return type == null ? defaultQuorum : quorumByType.getOrDefault(type, defaultQuorum);
    }

    /** More than half of the CCNs: what finalises an epoch. */
    public int majority() {
        return identityById.size() / 2 + 1;
    }

    /** Every member's id and the identity of its node key, in configuration order. */
    public Map<String, CcnIdentity> identities() {
        return identityById;
    }
}
