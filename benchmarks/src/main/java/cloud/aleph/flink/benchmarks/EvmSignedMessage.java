package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.Eip191;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.bouncycastle.util.BigIntegers;

/**
 * An ETH message signed as a wallet signs it (EIP-191, RFC 6979 nonce, low S), with the values a
 * verifier needs: the signed buffer, r, s, recovery id, the EIP-191 hash and the sender's address
 * in lower case.
 */
record EvmSignedMessage(byte[] buffer, byte[] hash, byte[] r, byte[] s, int recoveryId, String address) {

    /** A random sender signs "ETH\nsender\nPOST\nitem_hash" for an item_content of the given size. */
    static EvmSignedMessage random(Random random, int itemContentSize) {
        BigInteger privateKey = new BigInteger(256, random).mod(Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        EthereumSigner signer = new EthereumSigner(BigIntegers.asUnsignedByteArray(32, privateKey));
        String address = signer.address().toLowerCase(Locale.ROOT);
        String itemHash = ItemContents.itemHash(ItemContents.content(random, itemContentSize));
        byte[] buffer = ("ETH\n" + address + "\nPOST\n" + itemHash).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Hex.decode(signer.sign(buffer));
        FixtureCheck.require(signature.length == 65 && (signature[64] == 27 || signature[64] == 28), "r ‖ s ‖ v with v 27/28");
        return new EvmSignedMessage(buffer, Eip191.personalMessageHash(buffer), Arrays.copyOfRange(signature, 0, 32),
                Arrays.copyOfRange(signature, 32, 64), signature[64] - 27, address);
    }
}
