package cloud.aleph.flink.operators.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * EVM-family signatures (ETH, ETHERLINK, the other EVM chains and NEO, spec §3.2.1), with the
 * semantics of eth-account's {@code recover_message} as pyaleph calls it:
 *
 * <ul>
 *   <li>digest: EIP-191 personal_sign over the verification buffer;
 *   <li>signature: hex of r‖s‖v, with or without {@code 0x}/{@code 0X}, either case; an odd number of
 *       digits is left-padded with one {@code 0} (hexbytes); it must then be 65 bytes;
 *   <li>v: 0/1, 27/28, or any v ≥ 35 read as an EIP-155 value with parity (v − 35) mod 2
 *       (eth-account's {@code to_standard_v}); other values are invalid;
 *   <li>1 ≤ r, s &lt; n; high s is accepted (recovery does not enforce low s);
 *   <li>valid iff the recovered address equals the sender, case-insensitively.
 * </ul>
 *
 * Never throws: any failure is an invalid signature, as in the reference. Thread-safe.
 */
public final class EvmVerifier implements SignatureVerifier {

    private final Secp256k1Recovery recovery;

    public EvmVerifier() {
        this(new BouncyCastleSecp256k1Recovery());
    }

    public EvmVerifier(Secp256k1Recovery recovery) {
        this.recovery = Objects.requireNonNull(recovery);
    }

    @Override
    public SignatureResult verify(SignedPayload payload) {
        return ReferenceFailures.CAUGHT_AS_INVALID.verify(this::check, payload);
    }

    private SignatureResult check(SignedPayload payload) {
        Recovered recovered = recover(payload.verificationBuffer(), payload.signature());
        if (recovered.address() == null) {
            return SignatureResult.invalid(recovered.failure());
        }
        if (!recovered.address().equals(payload.sender().toLowerCase(Locale.ROOT))) {
            return SignatureResult.invalid("recovered address " + recovered.address() + " does not match sender");
        }
        return SignatureResult.valid();
    }

    /**
     * The lower-case address whose key made an EIP-191 personal_sign signature of {@code message},
     * as the CCNs' own attestations are signed; empty when none can be recovered.
     */
    public Optional<String> recoverAddress(byte[] message, String signature) {
        try {
            return Optional.ofNullable(recover(message, signature).address());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The recovered address, or null with the reason why none could be. */
    private record Recovered(String address, String failure) {}

    private Recovered recover(byte[] message, String signatureText) {
        byte[] signature = decodeHex(signatureText);
        if (signature == null) {
            return new Recovered(null, "signature is not a hex string");
        }
        if (signature.length != 65) {
            return new Recovered(null, "signature must be 65 bytes, got " + signature.length);
        }
        int recoveryId = recoveryId(signature[64] & 0xFF);
        if (recoveryId < 0) {
            return new Recovered(null, "v " + (signature[64] & 0xFF) + " is invalid, must be one of: 0, 1, 27, 28, 35+");
        }
        byte[] digest = Eip191.personalMessageHash(message);
        byte[] publicKey = recovery.recover(
                digest, Arrays.copyOfRange(signature, 0, 32), Arrays.copyOfRange(signature, 32, 64), recoveryId);
        if (publicKey == null) {
            return new Recovered(null, "no public key can be recovered from the signature");
        }
        return new Recovered(EthereumAddress.fromPublicKey(publicKey), null);
    }

    /** eth-account's {@code to_standard_v}: the recovery id for a v byte, or −1. */
    static int recoveryId(int v) {
        if (v == 0 || v == 1) {
            return v;
        }
        if (v == 27 || v == 28) {
            return v - 27;
        }
        if (v >= 35) {
            return (v - 35) % 2;
        }
        return -1;
    }

    /** hexbytes' {@code hexstr_to_bytes}: optional 0x/0X, odd length left-padded, ASCII hex of either case. */
    static byte[] decodeHex(String text) {
        if (text == null) {
            return null;
        }
        int start = text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
        int digits = text.length() - start;
        int pad = text.length() % 2;
        byte[] out = new byte[(digits + pad) / 2];
        int nibble = pad; // a padded leading 0 occupies the first high nibble
        for (int i = start; i < text.length(); i++, nibble++) {
            int value = Character.digit(text.charAt(i), 16);
            if (value < 0 || text.charAt(i) > 'f') {
                return null;
            }
            out[nibble / 2] |= (byte) ((nibble % 2 == 0) ? value << 4 : value);
        }
        return out;
    }
}
