package cloud.aleph.flink.operators.hash;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.ItemType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemHashesTest {

    private static final String HEX = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String CID0 = "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhqcgX";
    private static final String CID1 = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

    @Test
    void sha256OfUtf8Text() {
        assertThat(ItemHashes.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(ItemHashes.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // "é" is two UTF-8 bytes: the hash is over UTF-8, not UTF-16 or Latin-1
        assertThat(ItemHashes.sha256Hex("é")).isEqualTo(ItemHashes.sha256Hex(new byte[] {(byte) 0xC3, (byte) 0xA9}));
        assertThat(ItemHashes.sha256Hex("Test")).isEqualTo("532eaabd9574880dbf76b9b8cc00832c20a6ec113d682299550d7a6e0f345e25");
    }

    @Test
    void itemTypeIsInferredFromTheShapeOnly() {
        assertThat(ItemHashes.inferItemType("Qm" + "x".repeat(42))).contains(ItemType.IPFS);
        assertThat(ItemHashes.inferItemType("Qm" + "x".repeat(44))).contains(ItemType.IPFS);
        assertThat(ItemHashes.inferItemType("Qm" + "x".repeat(41))).isEmpty();
        assertThat(ItemHashes.inferItemType("Qm" + "x".repeat(45))).isEmpty();
        assertThat(ItemHashes.inferItemType("bafy" + "X".repeat(55))).contains(ItemType.IPFS);
        assertThat(ItemHashes.inferItemType("bafy" + "a".repeat(54))).isEmpty();
        // any 64 characters, even non-hex: the intake helper checks no character set
        assertThat(ItemHashes.inferItemType("Z".repeat(64))).contains(ItemType.STORAGE);
        // 64 characters starting with Qm are storage (the Qm rule wants 44-46)
        assertThat(ItemHashes.inferItemType("Qm" + "a".repeat(62))).contains(ItemType.STORAGE);
        assertThat(ItemHashes.inferItemType("deadbeef")).isEmpty();
        assertThat(ItemHashes.inferItemType("")).isEmpty();
    }

    @Test
    void strictCheckWantsTheRightAlphabet() {
        String sha = "532eaabd9574880dbf76b9b8cc00832c20a6ec113d682299550d7a6e0f345e25";
        assertThat(ItemHashes.strictItemType(sha)).contains(ItemType.STORAGE);
        assertThat(ItemHashes.isValidItemHash(sha.toUpperCase())).isFalse();
        assertThat(ItemHashes.isValidItemHash("g".repeat(64))).isFalse();
        assertThat(ItemHashes.strictItemType("QmWx3j1gSQUrTbDCHXXj7g3W9Rq9Gf4p4A6Lf6ZSRbg7mW")).contains(ItemType.IPFS);
        // 0, O, I and l are not base58btc
        assertThat(ItemHashes.isValidItemHash("Qm0x3j1gSQUrTbDCHXXj7g3W9Rq9Gf4p4A6Lf6ZSRbg7mW")).isFalse();
        assertThat(ItemHashes.strictItemType("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"))
                .contains(ItemType.IPFS);
        assertThat(ItemHashes.isValidItemHash("bafyBEIGDYRZT5SFP7UDM7HU76UH7Y26NF3EFUYLQABF3OCLGTQY55FBZDI")).isFalse();
        assertThat(ItemHashes.isValidItemHash("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzd1")).isFalse();
        assertThat(ItemHashes.strictItemType(null)).isEqualTo(Optional.empty());
    }

    @Test
    void digestsAreIndependentAcrossThreads() {
        assertThat(java.util.stream.IntStream.range(0, 1000)
                        .parallel()
                        .mapToObj(i -> ItemHashes.sha256Hex("abc"))
                        .distinct())
                .containsExactly("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // sha256 hex: exactly 64 lower-case hex digits
        HEX + ", storage",
        "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be0, ",
        "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be033, ",
        "5891B5B522D5DF086D0FF0B110FBD9D21BB4FC7163AF34D08286A2E846F6BE03, ",
        "g891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03, ",
        // CIDv0: Qm + base58btc, 44 to 46 characters
        CID0 + ", ipfs",
        "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhqc, ipfs",
        "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhq, ",
        "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhqcgXY, ",
        "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhqc0X, ",
        "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhqcOX, ",
        "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhqcIX, ",
        "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhqclX, ",
        // CIDv1: bafy + lower-case base32, 59 characters
        CID1 + ", ipfs",
        "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzd, ",
        "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdia, ",
        "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdI, ",
        "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzd1, ",
        "deadbeef, ",
    })
    void strictShapesOfHashesInsideContent(String hash, String type) {
        Optional<ItemType> expected = type == null ? Optional.empty() : ItemType.fromWire(type);

        assertThat(ItemHashes.strictItemType(hash)).isEqualTo(expected);
        assertThat(ItemHashes.isValidItemHash(hash)).isEqualTo(expected.isPresent());
    }
}
