package cloud.aleph.flink.operators.crypto.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChainAddressCodecsTest {

    @Test
    void bech32MatchesBip173Vectors() {
        // BIP-173: the P2WPKH address of the generator point's key hash
        int[] witness = Bech32.toFiveBitGroups(Hex.decode("751e76e8199196d454941c45d1b3a323f1433bd6"));
        int[] data = new int[witness.length + 1];
        System.arraycopy(witness, 0, data, 1, witness.length);
        assertThat(Bech32.encode("bc", data)).isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
        assertThat(Bech32.encode("a", new int[0])).isEqualTo("a12uel5l");
        assertThat(Bech32.encode("abcdef", Bech32.toFiveBitGroups(Hex.decode("00443214c74254b635cf84653a56d7c675be77df"))))
                .isEqualTo("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
    }

    @Test
    void bech32RegroupsBytesWithZeroPadding() {
        assertThat(Bech32.toFiveBitGroups(new byte[] {(byte) 0xFF})).containsExactly(31, 28);
        assertThat(Bech32.toFiveBitGroups(new byte[20])).hasSize(32);
    }

    @Test
    void base58CheckRoundTripsAndRejectsABadChecksum() {
        byte[] payload = "tezos".getBytes(StandardCharsets.US_ASCII);
        String encoded = Base58Check.encode(payload);
        assertThat(Base58Check.decode(encoded.getBytes(StandardCharsets.US_ASCII))).isEqualTo(payload);
        assertThat(Base58Check.decode((encoded + " \n").getBytes(StandardCharsets.US_ASCII))).isEqualTo(payload);
        char last = encoded.charAt(encoded.length() - 1);
        String tampered = encoded.substring(0, encoded.length() - 1) + (last == 'z' ? 'y' : 'z');
        assertThatThrownBy(() -> Base58Check.decode(tampered.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base58Check.decode(new byte[] {'1', '1'})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ss58DecodesGenericSubstrateAddressesAndRawHexKeys() {
        byte[] key = Ss58.decodePublicKey("5CGNMKCscqN2QNcT7Jtuz23ab7JUxh8wTEtXhECZLJn5vCGX");
        assertThat(key).hasSize(32);
        assertThat(Ss58.decodePublicKey("0x" + Hex.encode(key))).isEqualTo(key);
        assertThatThrownBy(() -> Ss58.decodePublicKey("5CGNMKCscqN2QNcT7Jtuz23ab7JUxh8wTEtXhECZLJn5vCGY"))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> Ss58.decodePublicKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ss58.decodePublicKey("0xabcd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ss58.decodePublicKey("5CGNMKCscqN2QNcT7Jtuz23ab7JUxh8wTEtXhECZLJn5vCG0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ss58.decodePublicKey("1")).isInstanceOf(IllegalArgumentException.class);
    }
}
