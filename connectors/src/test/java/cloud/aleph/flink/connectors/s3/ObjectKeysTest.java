package cloud.aleph.flink.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.operators.model.ItemType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    // sha256("abc"), a published test vector
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void sha256KeysFanOutByTheFirstTwoHexDigits() {
        assertThat(ObjectKeys.forSha256(ABC)).isEqualTo("sha256/ba/" + ABC);
        assertThat(ObjectKeys.forSha256(ABC.toUpperCase())).isEqualTo("sha256/ba/" + ABC);
        assertThat(ObjectKeys.forItem(ItemType.INLINE, ABC)).isEqualTo("sha256/ba/" + ABC);
        assertThat(ObjectKeys.forItem(ItemType.STORAGE, ABC)).isEqualTo("sha256/ba/" + ABC);
    }

    @Test
    void cidKeysAreNamespaced() {
        String cid = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
        assertThat(ObjectKeys.forCid(cid)).isEqualTo("ipfs/" + cid);
        assertThat(ObjectKeys.forItem(ItemType.IPFS, cid)).isEqualTo("ipfs/" + cid);
    }

    @Test
    void malformedHashesAreRefused() {
        assertThatThrownBy(() -> ObjectKeys.forSha256(ABC.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.forSha256("../" + ABC.substring(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.forSha256(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.forCid("Qm/../../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sha256IsComputedAndReadBackFromKeys() {
        assertThat(ObjectKeys.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(ObjectKeys.sha256InKey("sha256/ba/" + ABC)).contains(ABC);
        assertThat(ObjectKeys.sha256InKey("sha256/00/" + ABC)).isEmpty();
        assertThat(ObjectKeys.sha256InKey("ipfs/Qmabcdefgh")).isEmpty();
    }

    @Test
    void verifyAcceptsMatchingBytesAndRefusesAnythingElse() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThatCode(() -> ObjectKeys.verify(new StoredObject("sha256/ba/" + ABC, abc, "text/plain")))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> ObjectKeys.verify(new StoredObject("sha256/ba/" + ABC, "abd".getBytes(StandardCharsets.US_ASCII), "text/plain")))
                .isInstanceOf(ContentHashMismatchException.class)
                .hasMessageContaining(ABC);
        assertThatThrownBy(() -> ObjectKeys.verify(new StoredObject("uploads/today/file", abc, "text/plain")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not content-addressed");
        assertThatCode(() -> ObjectKeys.verify(new StoredObject("ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", abc, "x")))
                .doesNotThrowAnyException();
    }
}
