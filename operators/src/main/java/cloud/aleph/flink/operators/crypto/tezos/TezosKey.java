package cloud.aleph.flink.operators.crypto.tezos;

import cloud.aleph.flink.operators.crypto.VerifierInternalError;
import cloud.aleph.flink.operators.crypto.codec.PyHex;
import cloud.aleph.flink.operators.crypto.codec.PyText;
import cloud.aleph.flink.operators.crypto.ecc.EcdsaMath;
import cloud.aleph.flink.operators.crypto.ecc.Ed25519Sodium;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.hash.Digests;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A Tezos key as pytezos 3.13 {@code Key} handles it for the reference: built from a base58
 * public key (or, as pytezos allows, a secret key), hashed to a tz1/tz2/tz3 address, and checking
 * signatures over the BLAKE2b-256 digest of the signed bytes. {@link IllegalArgumentException}
 * stands for pytezos' ValueError, {@link VerifierInternalError} for its other exceptions.
 */
public final class TezosKey {

    /** Elliptic curve of a key: its two-letter text prefix and address prefix. */
    public enum Curve {
        ED25519("ed", "tz1"),
        SECP256K1("sp", "tz2"),
        P256("p2", "tz3");

        final String textPrefix;
        final String addressPrefix;

        Curve(String textPrefix, String addressPrefix) {
            this.textPrefix = textPrefix;
            this.addressPrefix = addressPrefix;
        }
    }

    private static final X9ECParameters P256_PARAMS = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters P256_DOMAIN =
            new ECDomainParameters(P256_PARAMS.getCurve(), P256_PARAMS.getG(), P256_PARAMS.getN(), P256_PARAMS.getH());

    private final Curve curve;
    private final byte[] publicPoint;

    private TezosKey(Curve curve, byte[] publicPoint) {
        this.curve = curve;
        this.publicPoint = publicPoint;
    }

    public Curve curve() {
        return curve;
    }

    public byte[] publicPoint() {
        return publicPoint.clone();
    }

    /** {@code Key.from_encoded_key(key)}. */
    public static TezosKey fromEncodedKey(String key) {
        byte[] encoded = scrubInput(key);
        Curve curve = curveOf(encoded);
        if (curve == null) {
            throw new IllegalArgumentException("Invalid prefix for a key encoding.");
        }
        int length = encoded.length;
        if (length != 54 && length != 55 && length != 88 && length != 98) {
            throw new IllegalArgumentException("Invalid length for a key encoding.");
        }
        boolean encrypted = encoded[2] == 'e';
        int kindAt = encrypted ? 3 : 2;
        boolean isPublic = encoded[kindAt] == 'p' && encoded[kindAt + 1] == 'k';
        boolean isSecret = encoded[kindAt] == 's' && encoded[kindAt + 1] == 'k';
        if (!isPublic && !isSecret) {
            throw new VerifierInternalError("Invalid prefix for a key encoding.");
        }
        byte[] decoded = TezosBase58.decode(encoded);
        if (isPublic) {
            return new TezosKey(curve, decoded);
        }
        if (encrypted) {
            // pytezos asks for a passphrase here (environment or terminal), which a node cannot give
            throw new VerifierInternalError("encrypted secret key needs a passphrase");
        }
        return new TezosKey(curve, publicPointFromSecret(curve, decoded));
    }

    /** {@code Key.public_key_hash()}: base58check(prefix, BLAKE2b-160(public point)). */
    public String publicKeyHash() {
        return TezosBase58.encode(Digests.blake2b(20, publicPoint), curve.addressPrefix);
    }

    /**
     * {@code Key.verify(signature, message)}.
     *
     * @throws IllegalArgumentException when the signature is malformed or does not verify
     */
    public void verify(String signature, byte[] message) {
        byte[] encodedSignature = scrubInput(signature);
        boolean generic = TezosBase58.startsWith(encodedSignature, "sig");
        if (!generic && !TezosBase58.startsWith(encodedSignature, curve.textPrefix)) {
            throw new IllegalArgumentException("Signature and public key curves mismatch.");
        }
        byte[] decoded = TezosBase58.decode(encodedSignature);
        byte[] digest = Digests.blake2b(32, message);
        boolean valid = switch (curve) {
            case ED25519 -> verifyEd25519(decoded, digest);
            case SECP256K1 -> verifySecp256k1(decoded, digest);
            case P256 -> verifyP256(decoded, digest);
        };
        if (!valid) {
            throw new IllegalArgumentException("Signature is invalid.");
        }
    }

    private boolean verifyEd25519(byte[] signature, byte[] digest) {
        if (signature.length != 64 || publicPoint.length != 32) {
            throw new IllegalArgumentException("invalid signature or key length");
        }
        return Ed25519Sodium.verify(signature, digest, publicPoint);
    }

    private boolean verifySecp256k1(byte[] signature, byte[] digest) {
        ECPoint key = Secp256k1.parsePublicKey(publicPoint);
        if (signature.length != 64) {
            throw new IllegalArgumentException("invalid signature length");
        }
        BigInteger r = EcdsaMath.unsigned(signature, 0, 32);
        BigInteger s = EcdsaMath.unsigned(signature, 32, 64);
        if (r.compareTo(Secp256k1.N) >= 0 || s.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("secp256k1_ecdsa_signature_parse_compact");
        }
        return Secp256k1.verifyLowS(key, digest, r, s);
    }

    /** fastecdsa: SEC1 decoding of the key, then r and s range checks that raise EcdsaError. */
    private boolean verifyP256(byte[] signature, byte[] digest) {
        ECPoint key = decodeP256Sec1(publicPoint);
        BigInteger r = EcdsaMath.unsigned(signature, 0, Math.min(32, signature.length));
        BigInteger s = signature.length > 32 ? EcdsaMath.unsigned(signature, 32, signature.length) : BigInteger.ZERO;
        BigInteger n = P256_DOMAIN.getN();
        if (r.compareTo(n) > 0 || r.signum() < 1 || s.compareTo(n) > 0 || s.signum() < 1) {
            throw new VerifierInternalError("Invalid Signature: r or s is not a positive integer smaller than the curve order");
        }
        return EcdsaMath.verify(P256_DOMAIN, key, digest, r, s);
    }

    static ECPoint decodeP256Sec1(byte[] key) {
        ECCurve c = P256_DOMAIN.getCurve();
        BigInteger p = c.getField().getCharacteristic();
        BigInteger x;
        BigInteger y;
        if (key.length > 0 && key[0] == 4) {
            if (key.length != 65) {
                throw new VerifierInternalError("An uncompressed public key must be 65 bytes long");
            }
            x = EcdsaMath.unsigned(key, 1, 33);
            y = EcdsaMath.unsigned(key, 33, 65);
        } else {
            if (key.length != 33) {
                throw new VerifierInternalError("A compressed public key must be 33 bytes long");
            }
            x = EcdsaMath.unsigned(key, 1, 33);
            BigInteger alpha = x.pow(3).add(c.getA().toBigInteger().multiply(x)).add(c.getB().toBigInteger()).mod(p);
            BigInteger root = alpha.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
            if (key[0] == 3) {
                y = root.testBit(0) ? root : root.negate().mod(p);
            } else if (key[0] == 2) {
                y = root.testBit(0) ? root.negate().mod(p) : root;
            } else {
                throw new VerifierInternalError("Wrong key format");
            }
        }
        // fastecdsa's Point reduces the coordinates, then insists they are on the curve (ValueError)
        return c.validatePoint(x.mod(p), y.mod(p));
    }

    private static byte[] publicPointFromSecret(Curve curve, byte[] secret) {
        switch (curve) {
            case ED25519 -> {
                if (secret.length == 64) {
                    return Arrays.copyOfRange(secret, 32, 64);
                }
                if (secret.length != 32) {
                    throw new IllegalArgumentException("invalid seed length");
                }
                byte[] publicKey = new byte[32];
                Ed25519.generatePublicKey(secret, 0, publicKey, 0);
                return publicKey;
            }
            case SECP256K1 -> {
                BigInteger d = new BigInteger(1, secret);
                if (secret.length != 32 || d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
                    throw new IllegalArgumentException("Secret scalar must be greater than 0 and less than the curve order");
                }
                return Secp256k1.compressed(Secp256k1.DOMAIN.getG().multiply(d).normalize());
            }
            default -> {
                BigInteger d = new BigInteger(1, secret).mod(P256_DOMAIN.getN());
                if (d.signum() == 0) {
                    throw new VerifierInternalError("secret key is a multiple of the P-256 order");
                }
                return P256_DOMAIN.getG().multiply(d).normalize().getEncoded(true);
            }
        }
    }

    /**
     * pytezos {@code scrub_input} on a str: text that {@code int(text, 16)} accepts is hex-decoded
     * (after dropping a leading {@code 0x}), anything else is taken as ASCII.
     */
    public static byte[] scrubInput(String text) {
        if (PyText.parsesAsHexInteger(text)) {
            return PyHex.fromHex(text.startsWith("0x") ? text.substring(2) : text);
        }
        byte[] out = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                throw new IllegalArgumentException("'ascii' codec can't encode character");
            }
            out[i] = (byte) c;
        }
        return out;
    }

    private static Curve curveOf(byte[] encoded) {
        for (Curve curve : Curve.values()) {
            if (TezosBase58.startsWith(encoded, curve.textPrefix)) {
                return curve;
            }
        }
        return null;
    }
}
