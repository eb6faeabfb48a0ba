package io.chatforge.im.contracts.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmojisTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "👍",
                "❤️",
                "😀",
                "👍🏽",
                "👨‍👩‍👧‍👦",
                "🏳️‍🌈",
                "🇫🇷",
                "1️⃣",
                "#⃣",
                "🏴󠁧󠁢󠁥󠁮󠁧󠁿",
                "☕",
                "🫠",
                "👩🏾‍💻"
            })
    void oneEmoji_asAKeyboardGivesIt_isOne(String emoji) {
        assertThat(Emojis.isSingle(emoji)).as(emoji).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "a", "ok", "👍👍", "👍 ", " 👍", "🏽", "‍👍", "👍‍", "🇫", "🇫🇷🇩🇪", "1", "<script>", "👍a"
            })
    void text_severalEmojis_orStrayModifiers_areNot(String notOne) {
        assertThat(Emojis.isSingle(notOne)).as(notOne).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anEmojiOverThirtyTwoBytes_isRefused() {
        String family = "👨‍👩‍👧‍👦"; // 25 bytes
        assertThat(Emojis.isSingle(family)).isTrue();
        assertThat(Emojis.isSingle("👨🏽‍👩🏽‍👧🏽‍👦🏽")).as("41 bytes").isFalse();
        assertThat(Emojis.isSingle(null)).isFalse();
    }
}
