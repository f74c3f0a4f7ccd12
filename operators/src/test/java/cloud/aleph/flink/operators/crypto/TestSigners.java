package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.crypto.codec.Bech32;
import cloud.aleph.flink.operators.crypto.codec.BitcoinVarInt;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.crypto.nuls.NulsAddress;
import cloud.aleph.flink.operators.crypto.sr25519.Sr25519TestSigner;
import cloud.aleph.flink.operators.crypto.tezos.TezosBase58;
import cloud.aleph.flink.operators.hash.Digests;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import cloud.aleph.flink.operators.signing.MessageSigner;
import cloud.aleph.flink.operators.signing.SolanaSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A signer for every chain family, from test keys, writing the signature field the way that chain's
 * wallet or SDK writes it, so that whole messages of any chain can be built with
 * {@link cloud.aleph.flink.operators.signing.MessageBuilder} (tests and the benchmarks module).
 * Keys are derived from a seed; never use them for anything real.
 */
public final class TestSigners {

    private TestSigners() {}

    /** A signer for the chain with a key derived from {@code seed}. */
    public static MessageSigner forChain(Chain chain, long seed) {
        byte[] key = Digests.sha256(("aleph-flink test key/" + chain.wire() + "/" + seed).getBytes(StandardCharsets.UTF_8));
        switch (chain.family()) {
            case EVM:
                return new EthereumSigner(chain, key);
            case SOLANA:
                return new SolanaSigner(chain, key);
            case COSMOS:
                return cosmos(ecdsa(key));
            case SUBSTRATE:
                return substrate(new Sr25519TestSigner(seed));
            case TEZOS:
                return tezosEd25519(key);
            case NULS:
                return nuls(ecdsa(key));
            case NULS2:
                return nuls2(ecdsa(key));
            case AVALANCHE:
                return avalanche(ecdsa(key));
            default:
                throw new IllegalArgumentException("no verifier for chain " + chain);
        }
    }

    /** CSDK: ADR-036-like sign doc, {@code cosmos1…} sender. */
    static MessageSigner cosmos(EcdsaTestSigner signer) {
        String address = Bech32.encodeBytes("cosmos", Digests.hash160(signer.compressedPublicKey()));
        return new Signer(Chain.CSDK, address, buffer -> {
            SignedPayload unsigned = unsigned(Chain.CSDK, buffer);
            byte[] digest = Digests.sha256(CosmosVerifier.signDoc(unsigned).getBytes(StandardCharsets.UTF_8));
            return "{\"signature\": " + PythonJson.quote(Base64.getEncoder().encodeToString(signer.signCompact(digest)))
                    + ", \"pub_key\": {\"type\": \"tendermint/PubKeySecp256k1\", \"value\": "
                    + PythonJson.quote(Base64.getEncoder().encodeToString(signer.compressedPublicKey()))
                    + "}, \"account_number\": \"0\", \"sequence\": \"0\"}";
        });
    }

    /** DOT: sr25519 over the raw buffer, generic SS58 sender. */
    static MessageSigner substrate(Sr25519TestSigner signer) {
        return new Signer(Chain.DOT, signer.ss58Address(),
                buffer -> "{\"curve\": \"sr25519\", \"data\": \"0x" + Hex.encode(signer.sign(buffer)) + "\"}");
    }

    /** TEZOS tz1: Ed25519 over BLAKE2b-256 of the raw buffer. */
    static MessageSigner tezosEd25519(byte[] seed) {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        String address = TezosBase58.encode(Digests.blake2b(20, publicKey), "tz1");
        String encodedKey = TezosBase58.encode(publicKey, "edpk");
        return new Signer(Chain.TEZOS, address, buffer -> {
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, Digests.blake2b(32, buffer), 0, 32, signature, 0);
            return "{\"signature\": \"" + TezosBase58.encode(signature, "edsig") + "\", \"publicKey\": \"" + encodedKey + "\"}";
        });
    }

    /** NULS (NULS 1): the signature blob over the reference's repr-formatted text, as the Python SDK makes it. */
    static MessageSigner nuls(EcdsaTestSigner signer) {
        String address = NulsAddress.nuls1(NulsAddress.keyHash(1, signer.compressedPublicKey()));
        return new Signer(Chain.NULS, address,
                buffer -> nulsSignatureBlob(signer, Digests.sha256(NulsVerifier.signedText(buffer))));
    }

    /** NULS2: base64 of header(27 + recovery id) ‖ r ‖ s, mainnet sender. */
    static MessageSigner nuls2(EcdsaTestSigner signer) {
        String address = NulsAddress.nuls2("NULS", NulsAddress.keyHash(1, signer.compressedPublicKey()));
        return new Signer(Chain.NULS2, address, buffer -> nuls2Signature(signer, buffer, 27));
    }

    /** AVAX: CB58 of r ‖ s ‖ recovery id, X-chain sender. */
    static MessageSigner avalanche(EcdsaTestSigner signer) {
        String address = "X-" + Bech32.encodeBytes("avax", Digests.hash160(signer.compressedPublicKey()));
        return new Signer(Chain.AVAX, address, buffer -> avalancheSignature(signer, buffer));
    }

    /** The NULS 1 blob {@code varint ‖ key ‖ 0 ‖ varint ‖ DER(r, s)} of a low-S signature of the digest. */
    static String nulsSignatureBlob(EcdsaTestSigner signer, byte[] digest) {
        BigInteger[] rs = signer.signLowS(digest);
        return nulsSignatureBlob(signer.compressedPublicKey(), der(rs[0], rs[1]));
    }

    static String nulsSignatureBlob(byte[] publicKey, byte[] der) {
        return Hex.encode(EcdsaTestSigner.concat(BitcoinVarInt.encode(publicKey.length), publicKey, new byte[] {0},
                BitcoinVarInt.encode(der.length), der));
    }

    static byte[] der(BigInteger r, BigInteger s) {
        ASN1EncodableVector sequence = new ASN1EncodableVector();
        sequence.add(new ASN1Integer(r));
        sequence.add(new ASN1Integer(s));
        try {
            return new DERSequence(sequence).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NULS2 signature with the given header base (27 is what NULS wallets write). */
    static String nuls2Signature(EcdsaTestSigner signer, byte[] buffer, int headerBase) {
        byte[] message = EcdsaTestSigner.concat("\u0018NULS Signed Message:\n".getBytes(StandardCharsets.UTF_8),
                BitcoinVarInt.encode(buffer.length), buffer);
        byte[] digest = Digests.sha256(message);
        byte[] compact = signer.signCompact(digest);
        byte[] electrum = new byte[65];
        electrum[0] = (byte) (headerBase + signer.recoveryId(compact, digest));
        System.arraycopy(compact, 0, electrum, 1, 64);
        return Base64.getEncoder().encodeToString(electrum);
    }

    static String avalancheSignature(EcdsaTestSigner signer, byte[] buffer) {
        int n = buffer.length;
        byte[] message = EcdsaTestSigner.concat("\u001aAvalanche Signed Message:\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n}, buffer);
        byte[] digest = Digests.sha256(message);
        byte[] compact = signer.signCompact(digest);
        byte[] sig65 = Arrays.copyOf(compact, 65);
        sig65[64] = (byte) signer.recoveryId(compact, digest);
        return cb58(sig65);
    }

    /** base58 of the bytes followed by the last 4 bytes of their SHA-256. */
    static String cb58(byte[] body) {
        byte[] hash = Digests.sha256(body);
        return Base58.encode(EcdsaTestSigner.concat(body, Arrays.copyOfRange(hash, 28, 32)));
    }

    private static EcdsaTestSigner ecdsa(byte[] key) {
        return new EcdsaTestSigner(new BigInteger(1, key).mod(Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
    }

    /** The payload a buffer {@code chain\nsender\ntype\nitem_hash} was made from. */
    private static SignedPayload unsigned(Chain chain, byte[] buffer) {
        String[] fields = new String(buffer, StandardCharsets.UTF_8).split("\n", 4);
        return new SignedPayload(chain, fields[1], fields[2], fields[3], null, 0.0);
    }

    @FunctionalInterface
    private interface Signature {
        String of(byte[] verificationBuffer);
    }

    private record Signer(Chain chain, String address, Signature signature) implements MessageSigner {

        @Override
        public String sign(byte[] verificationBuffer) {
            return signature.of(verificationBuffer);
        }
    }
}
