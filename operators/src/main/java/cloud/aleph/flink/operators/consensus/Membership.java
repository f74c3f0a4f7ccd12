package cloud.aleph.flink.operators.consensus;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The set of CCNs whose attestations and digests count, each with the address of its node key,
 * and the quorum a message needs. An attestation counts only if its signature recovers to the
 * address registered for the CCN id it claims; anything else counts for nothing.
 */
public final class Membership implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> addressById;
    private final int defaultQuorum;
    private final Map<String, Integer> quorumByType;

    private Membership(Map<String, String> addressById, int defaultQuorum, Map<String, Integer> quorumByType) {
        this.addressById = Collections.unmodifiableMap(addressById);
        this.defaultQuorum = defaultQuorum;
        this.quorumByType = Collections.unmodifiableMap(quorumByType);
    }

    /**
     * @param members {@code id=address,...}: every CCN and the (EVM) address of its node key
     * @param quorum {@code majority} or a number of CCNs
     * @param quorumByType {@code TYPE=n,...} overrides per message type (may be blank)
     */
    public static Membership parse(String members, String quorum, String quorumByType) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String member : members.split(",")) {
            if (member.isBlank()) {
                continue;
            }
            String[] parts = member.trim().split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].trim().matches("0x[0-9a-fA-F]{40}")) {
                throw new IllegalArgumentException("a CCN member is id=0x<40 hex>, got '" + member + "'");
            }
            if (addresses.put(parts[0].trim(), parts[1].trim().toLowerCase(Locale.ROOT)) != null) {
                throw new IllegalArgumentException("CCN " + parts[0].trim() + " is listed twice");
            }
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("the consensus needs at least one CCN");
        }
        int majority = addresses.size() / 2 + 1;
        int defaultQuorum = "majority".equalsIgnoreCase(quorum.trim()) ? majority : checked(Integer.parseInt(quorum.trim()), addresses.size());
        Map<String, Integer> byType = new LinkedHashMap<>();
        if (quorumByType != null) {
            for (String entry : quorumByType.split(",")) {
                if (!entry.isBlank()) {
                    String[] parts = entry.trim().split("=", 2);
                    byType.put(parts[0].trim(), checked(Integer.parseInt(parts[1].trim()), addresses.size()));
                }
            }
        }
        return new Membership(addresses, defaultQuorum, byType);
    }

    private static int checked(int quorum, int members) {
        if (quorum < 1 || quorum > members) {
            throw new IllegalArgumentException("a quorum must be between 1 and the " + members + " CCNs, got " + quorum);
        }
        return quorum;
    }

    /** Whether {@code ccn} is a member whose registered key has the address {@code signerAddress}. */
    public boolean isMember(String ccn, String signerAddress) {
        String address = addressById.get(ccn);
        return address != null && signerAddress != null && address.equals(signerAddress.toLowerCase(Locale.ROOT));
    }

    public boolean isKnownId(String ccn) {
        return addressById.containsKey(ccn);
    }

    public int size() {
        return addressById.size();
    }

    /** How many CCNs must agree on a message of this type (its wire value; null for input without a type). */
    public int quorum(String type) {
        return type == null ? defaultQuorum : quorumByType.getOrDefault(type, defaultQuorum);
    }

    /** More than half of the CCNs: what finalises an epoch. */
    public int majority() {
        return addressById.size() / 2 + 1;
    }

    public Map<String, String> addresses() {
        return addressById;
    }
}
