package cloud.aleph.flink.operators.crypto.codec;

import cloud.aleph.flink.operators.hash.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Substrate account ids from addresses, exactly as py-substrate-interface builds a Keypair from an
 * address (scalecodec {@code ss58_decode}, any network format): a {@code 0x…} address is taken as
 * the hex public key itself; otherwise base58, a 1- or 2-byte format prefix, a BLAKE2b-512
 * checksum over {@code "SS58PRE" || payload} whose length depends on the address length.
 */
public final class Ss58 {

    private static final byte[] CHECKSUM_PREFIX = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

    private Ss58() {}

    /**
     * @throws IllegalArgumentException for anything the reference rejects
     */
    public static byte[] decodePublicKey(String address) {
        if (address.isEmpty()) {
            throw new IllegalArgumentException("No SS58 formatted address or public key provided");
        }
        byte[] publicKey = address.startsWith("0x")
                ? PyHex.fromHex(address.replace("0x", ""))
                : decodePayload(address);
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("Public key should be 32 bytes long");
        }
        return publicKey;
    }

    private static byte[] decodePayload(String address) {
        byte[] decoded = PyBase58.decode(address);
        if (decoded.length == 0) {
            throw new IllegalArgumentException("index out of range");
        }
        int formatLength;
        int format;
        if ((decoded[0] & 0b0100_0000) != 0) {
            if (decoded.length < 2) {
                throw new IllegalArgumentException("index out of range");
            }
            formatLength = 2;
            format = ((decoded[0] & 0b0011_1111) << 2) | ((decoded[1] & 0xFF) >> 6) | ((decoded[1] & 0b0011_1111) << 8);
        } else {
            formatLength = 1;
            format = decoded[0] & 0xFF;
        }
        if (format == 46 || format == 47) {
            throw new IllegalArgumentException(format + " is a reserved SS58 format");
        }
        int checksumLength = checksumLength(decoded.length, formatLength);
        byte[] body = Arrays.copyOfRange(decoded, 0, decoded.length - checksumLength);
        byte[] checksum = Digests.blake2b(64, concat(CHECKSUM_PREFIX, body));
        if (!Arrays.equals(Arrays.copyOf(checksum, checksumLength), Arrays.copyOfRange(decoded, body.length, decoded.length))) {
            throw new IllegalArgumentException("Invalid checksum");
        }
        return Arrays.copyOfRange(decoded, formatLength, body.length);
    }

    private static int checksumLength(int decodedLength, int formatLength) {
        switch (decodedLength) {
            case 3, 4, 6, 10:
                return 1;
            case 5, 7, 11:
                return 2;
            case 8, 12:
                return 3;
            case 9, 13:
                return 4;
            case 14:
                return 5;
            case 15:
                return 6;
            case 16:
                return 7;
            case 17:
                return 8;
            default:
                if (decodedLength == 34 + formatLength || decodedLength == 35 + formatLength) {
                    return 2;
                }
                throw new IllegalArgumentException("Invalid address length");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
