package io.chatforge.im.user.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatforge.im.service.web.ApiProblem;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    @Test
    void nickname_isTrimmed_andEmojiCountAsOneCharacter() {
        assertThat(ProfileRules.nickname("  Ann  ")).isEqualTo("Ann");
        assertThat(ProfileRules.nickname("🌸".repeat(64))).hasSize(128);
        assertThatThrownBy(() -> ProfileRules.nickname("🌸".repeat(65))).isInstanceOf(ApiProblem.class);
    }

    @Test
    void nickname_mayNotBeBlankOrHoldControlCharacters() {
        assertThatThrownBy(() -> ProfileRules.nickname("   ")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ProfileRules.nickname("a\u0007b")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void avatar_mustBeAnAbsoluteHttpUrl_andEmptyRemovesIt() {
        assertThat(ProfileRules.avatar("https://cdn.example.com/a.png")).isEqualTo("https://cdn.example.com/a.png");
        assertThat(ProfileRules.avatar("")).isNull();
        for (String bad :
                new String[] {"ftp://x/a.png", "javascript:alert(1)", "/relative.png", "https://", "http://a b"}) {
            assertThatThrownBy(() -> ProfileRules.avatar(bad)).as(bad).isInstanceOf(ApiProblem.class);
        }
        assertThatThrownBy(() -> ProfileRules.avatar("https://e.com/" + "a".repeat(500)))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void searchPrefix_escapesLikeWildcards() {
        assertThat(ProfileService.likePrefix("a%b_c!")).isEqualTo("a!%b!_c!!%");
    }
}
