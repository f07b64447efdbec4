package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RleLimitsTest {
    /** The largest limits the constructor accepts: every side up to 2^31-1, as many pixels as one image holds. */
    static final RleLimits LARGEST = new RleLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, PackedBitImage.MAX_WORDS * 64);

    @Test
    void acceptsUpToWhatOneImageHoldsAndNoMore() {
        assertThat(LARGEST.maxPixels()).isEqualTo(PackedBitImage.MAX_WORDS * 64);
        assertThatThrownBy(() -> new RleLimits(1, 1, PackedBitImage.MAX_WORDS * 64 + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new RleLimits(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksSizesAgainstEveryLimit() throws Exception {
        RleLimits limits = new RleLimits(100, 50, 1000);
        limits.check(100, 10, 0);
        limits.check(0, 50, 0);
        assertThatThrownBy(() -> limits.check(101, 1, 8)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("101x1 is over the limit").hasMessageContaining("offset 8");
        assertThatThrownBy(() -> limits.check(1, 51, 8)).isInstanceOf(RleFormatException.class);
        assertThatThrownBy(() -> limits.check(100, 11, 8)).isInstanceOf(RleFormatException.class);
    }

    @Test
    void aNegativeSizeIsTheCallersMistakeNotCorruptData() {
        assertThatThrownBy(() -> RleLimits.DEFAULT.check(-1, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1x5");
        assertThatThrownBy(() -> RleLimits.DEFAULT.check(5, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLargestLimitsStillRefuseWhatNoImageCanHold() {
        // 2^31-1 square passes each side but not the pixel count; a full-width row of 2^31-1 pixels
        // needs 2^25 words a row, so 64 of them exceed one array.
        assertThatThrownBy(() -> LARGEST.check(Integer.MAX_VALUE, Integer.MAX_VALUE, 8))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("over the limit");
        assertThatThrownBy(() -> LARGEST.check(Integer.MAX_VALUE, 64, 8)).isInstanceOf(RleFormatException.class);
    }
}
