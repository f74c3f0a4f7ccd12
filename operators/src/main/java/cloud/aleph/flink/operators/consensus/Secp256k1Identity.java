package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.EvmVerifier;
import java.util.Locale;

/**
 * A secp256k1 node key, known by its EVM address: a signature is its key's when it recovers
 * (EIP-191 personal_sign) to that address, compared case-insensitively.
 *
 * @param address {@code 0x} and 40 hex digits, stored in lower case
 */
public record Secp256k1Identity(String address) implements CcnIdentity {

    private static final long serialVersionUID = 1L;

    public Secp256k1Identity {
        if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("a secp256k1 identity is 0x<40 hex>, got '" + address + "'");
        }
        address = address.toLowerCase(Locale.ROOT);
    }

    @Override
    public String text() {
        return address;
    }

    @Override
    public boolean signed(byte[] text, String signature, EvmVerifier secp256k1) {
        return secp256k1.recoverAddress(text, signature).map(address::equalsIgnoreCase).orElse(false);
    }
}
