package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** Deterministic (RFC 6979) ECDSA signing for the round-trip tests: secp256k1 by default, or any other domain (P-256). */
final class EcdsaTestSigner {

    final ECDomainParameters domain;
    final BigInteger secret;

    EcdsaTestSigner(BigInteger secret) {
        this(Secp256k1.DOMAIN, secret);
    }

    EcdsaTestSigner(ECDomainParameters domain, BigInteger secret) {
        this.domain = domain;
        this.secret = secret;
    }

    ECPoint publicPoint() {
        return domain.getG().multiply(secret).normalize();
    }

    byte[] compressedPublicKey() {
        return publicPoint().getEncoded(true);
    }

    /** r and s with s in the lower half (what libsecp256k1 signers produce). */
    BigInteger[] signLowS(byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(secret, domain));
        BigInteger[] rs = signer.generateSignature(digest);
        if (rs[1].compareTo(domain.getN().shiftRight(1)) > 0) {
            rs[1] = domain.getN().subtract(rs[1]);
        }
        return rs;
    }

    /** 64-byte r || s, low S. */
    byte[] signCompact(byte[] digest) {
        BigInteger[] rs = signLowS(digest);
        return concat(BigIntegers.asUnsignedByteArray(32, rs[0]), BigIntegers.asUnsignedByteArray(32, rs[1]));
    }

    /** The recovery id (0..3) that gives back this signer's key. */
    int recoveryId(byte[] compact, byte[] digest) {
        byte[] encoded = publicPoint().getEncoded(false);
        byte[] publicKeyXY = Arrays.copyOfRange(encoded, 1, encoded.length);
        Secp256k1Recovery recovery = new BouncyCastleSecp256k1Recovery();
        for (int id = 0; id < 4; id++) {
            byte[] recovered = recovery.recover(
                    digest, Arrays.copyOfRange(compact, 0, 32), Arrays.copyOfRange(compact, 32, 64), id);
            if (Arrays.equals(recovered, publicKeyXY)) {
                return id;
            }
        }
        throw new IllegalStateException("no recovery id matches");
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
