package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.crypto.codec.BitcoinVarInt;
import cloud.aleph.flink.operators.crypto.codec.PyBytesRepr;
import cloud.aleph.flink.operators.crypto.codec.PyHex;
import cloud.aleph.flink.operators.crypto.ecc.DerSignature;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.crypto.nuls.NulsAddress;
import cloud.aleph.flink.operators.crypto.nuls.NulsSignatureBlob;
import cloud.aleph.flink.operators.hash.Digests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.math.ec.ECPoint;

/**
 * NULS (NULS 1) signatures (spec §3.2.7): a hex blob holding the public key and a DER signature;
 * the key must hash to the sender; ECDSA secp256k1 (low-S, as libsecp256k1) over SHA-256 of the
 * text the reference actually verifies: {@code "\x18NULS Signed Message:\n" + repr(varint + buffer)}.
 * Formatting the bytes object with {@code str.format} writes its Python repr ({@code b'...'}), so
 * genuine NULS-1 wallet signatures are rejected, as the reference rejects them, while signatures made
 * by the Python SDK (same quirk) verify.
 */
public final class NulsVerifier implements SignatureVerifier {

    private static final String MESSAGE_PREFIX = "\u0018NULS Signed Message:\n";

    @Override
    public SignatureResult verify(SignedPayload payload) {
        return ReferenceFailures.ONLY_VALUE_ERRORS_INVALID.verify(NulsVerifier::check, payload);
    }

    private static SignatureResult check(SignedPayload payload) {
        NulsSignatureBlob blob = NulsSignatureBlob.parse(PyHex.fromHex(payload.signature()));
        byte[] decodedSender = Base58.decode(payload.sender());
        byte[] senderHash = Arrays.copyOf(decodedSender, Math.max(0, decodedSender.length - 1));
        OptionalInt chainId = NulsAddress.chainId(senderHash);
        if (chainId.isEmpty()) {
            throw new VerifierInternalError("unpack requires a buffer of 2 bytes");
        }
        String address = NulsAddress.nuls1(NulsAddress.keyHash(chainId.getAsInt(), blob.publicKey()));
        if (!address.equals(payload.sender())) {
            return SignatureResult.invalid("signature key belongs to " + address);
        }
        return verifiesQuirkText(blob, payload.strictVerificationBuffer())
                ? SignatureResult.valid()
                : SignatureResult.invalid("The signature of the message is invalid");
    }

    private static boolean verifiesQuirkText(NulsSignatureBlob blob, byte[] buffer) {
        ECPoint key;
        try {
            key = Secp256k1.parsePublicKey(blob.publicKey());
        } catch (IllegalArgumentException e) {
            return false;
        }
        Optional<DerSignature.Parsed> signature = DerSignature.parse(blob.signature(), Secp256k1.N);
        if (signature.isEmpty()) {
            return false;
        }
        byte[] digest = Digests.sha256(signedText(buffer));
        return Secp256k1.verifyLowS(key, digest, signature.get().r(), signature.get().s());
    }

    /** UTF-8 of {@code "\x18NULS Signed Message:\n{}".format(varint(len(buffer)) + buffer)}. */
    public static byte[] signedText(byte[] buffer) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(buffer.length + 9);
        message.writeBytes(BitcoinVarInt.encode(buffer.length));
        message.writeBytes(buffer);
        return (MESSAGE_PREFIX + PyBytesRepr.repr(message.toByteArray())).getBytes(StandardCharsets.UTF_8);
    }
}
