package cloud.aleph.flink.operators.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.crypto.codec.Ss58;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sr25519Test {

    @Test
    void ristrettoEncodesSmallMultiplesOfTheGeneratorAsRfc9496() {
        assertThat(Hex.encode(Ristretto255.encode(EdwardsPoint.IDENTITY))).isEqualTo("00".repeat(32));
        assertThat(Hex.encode(Ristretto255.encode(EdwardsPoint.BASE)))
                .isEqualTo("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76");
        assertThat(Hex.encode(Ristretto255.encode(EdwardsPoint.BASE.times(BigInteger.TWO))))
                .isEqualTo("6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919");
    }

    @Test
    void fixtureSignatureVerifiesOverTheRawBuffer() {
        String sender = "5CGNMKCscqN2QNcT7Jtuz23ab7JUxh8wTEtXhECZLJn5vCGX";
        byte[] message = ("DOT\n" + sender + "\nAGGREGATE\nbfbc94fae6336d52ab65a4d907d399a0c16222bd944b3815faa08ad0e039ca1d")
                .getBytes(StandardCharsets.UTF_8);
        byte[] signature = Hex.decode("1ccefb257e89b4e3ecb7d71c8dc1d6e286290b9e32d2a11bf3f9d425c5790f4bff0b324dc774d20a13e38a340d1a48fada71fb0c68690c3adb8f0cc695b0eb83");
        assertThat(Sr25519.verify(signature, message, Ss58.decodePublicKey(sender))).isTrue();
    }
}
