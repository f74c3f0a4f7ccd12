package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.hash.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Ethereum addresses: the last 20 bytes of keccak256 of the uncompressed public key (X‖Y). */
public final class EthereumAddress {

    private EthereumAddress() {}

    /**
     * @param publicKeyXY the 64-byte uncompressed public key without its 0x04 prefix
     * @return the address as {@code 0x} + 40 lower-case hex digits
     */
    public static String fromPublicKey(byte[] publicKeyXY) {
        if (publicKeyXY.length != 64) {
            throw new IllegalArgumentException("an uncompressed public key has 64 bytes, got " + publicKeyXY.length);
        }
        byte[] hash = Digests.keccak256(publicKeyXY);
        return "0x" + Hex.encode(Arrays.copyOfRange(hash, 12, 32));
    }

    /** EIP-55 mixed-case checksum form of an address, as wallets and the SDKs print it. */
    public static String checksummed(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        String digits = lower.startsWith("0x") ? lower.substring(2) : lower;
        String hashHex = Hex.encode(Digests.keccak256(digits.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean upper = Character.digit(hashHex.charAt(i), 16) >= 8;
            out.append(c >= 'a' && c <= 'f' && upper ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
