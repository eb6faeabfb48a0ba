package io.chatforge.im.contracts.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void ordinaryNames_emojiAndScripts_areValid() {
        assertThat(DisplayNames.isValid("Alice 🌸", 64)).isTrue();
        assertThat(DisplayNames.isValid("李小龙", 64)).isTrue();
        assertThat(DisplayNames.isValid("مرحبا", 64)).isTrue();
        assertThat(DisplayNames.isValid("dev 👩\u200D💻", 64))
                .as("an emoji joined by ZWJ")
                .isTrue();
        assertThat(DisplayNames.isValid("❤\uFE0F\u200D🔥", 64)).isTrue();
    }

    @Test
    void disguisingCharacters_areRefused() {
        assertThat(DisplayNames.isValid("admin\u202Egnp.exe", 64))
                .as("bidi override")
                .isFalse();
        assertThat(DisplayNames.isValid("\u2066evil\u2069", 64))
                .as("bidi isolate")
                .isFalse();
        assertThat(DisplayNames.isValid("ali\u200Bce", 64))
                .as("zero-width space")
                .isFalse();
        assertThat(DisplayNames.isValid("ali\u200Dce", 64))
                .as("ZWJ between letters")
                .isFalse();
        assertThat(DisplayNames.isValid("ali\uFEFFce", 64)).as("BOM").isFalse();
        assertThat(DisplayNames.isValid("ali\u0000ce", 64)).as("NUL").isFalse();
        assertThat(DisplayNames.isValid("two\nlines", 64)).isFalse();
        assertThat(DisplayNames.isValid("a\u2028b", 64)).as("line separator").isFalse();
    }

    @Test
    void lengthIsCountedInCodePoints_afterTrimming() {
        assertThat(DisplayNames.isValid("   ", 64)).isFalse();
        assertThat(DisplayNames.isValid(null, 64)).isFalse();
        assertThat(DisplayNames.isValid("🌸".repeat(64), 64)).isTrue();
        assertThat(DisplayNames.isValid("🌸".repeat(65), 64)).isFalse();
    }
}
