package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * An ETH message signed as a wallet signs it (EIP-191, RFC 6979 nonce, low S), with the values a
 * verifier needs: the signed buffer, r, s, recovery id, the EIP-191 hash and the sender's address.
 */
record EvmSignedMessage(byte[] buffer, byte[] hash, byte[] r, byte[] s, int recoveryId, byte[] address) {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();

    /** A random sender signs "ETH\nsender\nPOST\nitem_hash" for an item_content of the given size. */
    static EvmSignedMessage random(Random random, int itemContentSize) {
        BigInteger privateKey = new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        byte[] encoded = CURVE.getG().multiply(privateKey).normalize().getEncoded(false);
        byte[] publicKey = Arrays.copyOfRange(encoded, 1, 65);
        byte[] address = EvmHashing.address(publicKey);
        String itemHash = ItemContents.itemHash(ItemContents.content(random, itemContentSize));
        byte[] buffer = ("ETH\n0x" + Hex.encode(address) + "\nPOST\n" + itemHash).getBytes(StandardCharsets.US_ASCII);
        byte[] hash = EvmHashing.personalMessageHash(buffer);

        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey, DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);
        // The recovery id is the parity of the nonce point's y, recomputed from the same RFC 6979 nonce.
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, privateKey, hash);
        ECPoint nonce = CURVE.getG().multiply(nonces.nextK()).normalize();
        FixtureCheck.require(nonce.getAffineXCoord().toBigInteger().equals(rs[0]), "nonce point gives r");
        int recoveryId = nonce.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
        BigInteger s = rs[1];
        if (s.compareTo(N.shiftRight(1)) > 0) {
            s = N.subtract(s);
            recoveryId ^= 1;
        }
        return new EvmSignedMessage(buffer, hash, BigIntegers.asUnsignedByteArray(32, rs[0]),
                BigIntegers.asUnsignedByteArray(32, s), recoveryId, address);
    }
}
