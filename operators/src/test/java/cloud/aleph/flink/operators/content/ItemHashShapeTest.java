package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.ItemType;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemHashShapeTest {

    private static final String HEX = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String CID0 = "QmWx3j1gSQUrHktsF3mANsnPnd5MjbYBiJUCFmHXkhqcgX";
    private static final String CID1 = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

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
    void strictShapes(String hash, String type) {
        Optional<ItemType> expected = type == null ? Optional.empty() : ItemType.fromWire(type);

        assertThat(ItemHashShape.typeOf(hash)).isEqualTo(expected);
        assertThat(ItemHashShape.isItemHash(hash)).isEqualTo(expected.isPresent());
    }
}
