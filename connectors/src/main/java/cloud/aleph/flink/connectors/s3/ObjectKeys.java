package cloud.aleph.flink.connectors.s3;

import cloud.aleph.flink.operators.model.ItemType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content-addressed object keys. The key is the content's hash, so a retry or a replay writes the
 * same bytes under the same key and the store needs no deduplication.
 *
 * <ul>
 *   <li>sha256 (inline content, {@code storage} items): {@code sha256/<first 2 hex>/<64 hex>}; the
 *       two-character fan-out keeps listings and per-prefix request rates bounded.
 *   <li>IPFS CIDs: {@code ipfs/<cid>}.
 * </ul>
 */
public final class ObjectKeys {

    public static final String SHA256_NAMESPACE = "sha256/";
    public static final String IPFS_NAMESPACE = "ipfs/";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA256_KEY = Pattern.compile("sha256/([0-9a-f]{2})/([0-9a-f]{64})");
    // CIDv0 is base58btc ("Qm..."), CIDv1 usually base32 ("bafy..."): letters and digits only.
    private static final Pattern CID = Pattern.compile("[A-Za-z0-9]{8,128}");

    private ObjectKeys() {}

    /** Key of content whose sha256 is {@code hex} (upper-case hex is accepted and lowered). */
    public static String forSha256(String hex) {
        String lower = hex == null ? "" : hex.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(lower).matches()) {
            throw new IllegalArgumentException("not a sha256 hex digest: '" + hex + "'");
        }
        return SHA256_NAMESPACE + lower.substring(0, 2) + "/" + lower;
    }

    public static String forCid(String cid) {
        if (cid == null || !CID.matcher(cid).matches()) {
            throw new IllegalArgumentException("not an IPFS CID: '" + cid + "'");
        }
        return IPFS_NAMESPACE + cid;
    }

    /** Key of a message's content: inline and storage items are addressed by sha256, IPFS items by CID. */
    public static String forItem(ItemType itemType, String itemHash) {
        return itemType == ItemType.IPFS ? forCid(itemHash) : forSha256(itemHash);
    }

    /** The sha256 a key claims, if it is a well-formed sha256 key (fan-out prefix included). */
    public static Optional<String> sha256InKey(String key) {
        Matcher matcher = SHA256_KEY.matcher(key);
        if (matcher.matches() && matcher.group(2).startsWith(matcher.group(1))) {
            return Optional.of(matcher.group(2));
        }
        return Optional.empty();
    }

    /** True for keys this class makes. */
    public static boolean isContentAddressed(String key) {
        return sha256InKey(key).isPresent()
                || (key.startsWith(IPFS_NAMESPACE) && CID.matcher(key.substring(IPFS_NAMESPACE.length())).matches());
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /**
     * Checks that an object's bytes hash to its key. A mismatch means the upstream verification is
     * broken, so it throws instead of storing content under a wrong address. CIDs are not
     * recomputed here (that needs the IPFS chunking of the original upload).
     */
    public static void verify(StoredObject object) {
        Optional<String> claimed = sha256InKey(object.key());
        if (claimed.isPresent()) {
            String actual = sha256Hex(object.bytes());
            if (!actual.equals(claimed.get())) {
                throw new ContentHashMismatchException(object.key(), actual);
            }
        } else if (!isContentAddressed(object.key())) {
            throw new IllegalArgumentException("object key '" + object.key() + "' is not content-addressed");
        }
    }
}
