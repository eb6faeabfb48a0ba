package io.chatforge.im.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    @Test
    void values_are256RandomBits_inUrlSafeText() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String value = RefreshTokens.newValue();
            assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(value)).isTrue();
        }
    }

    @Test
    void storedHash_isSha256Hex_andNeverTheTokenItself() {
        String value = RefreshTokens.newValue();
        assertThat(RefreshTokens.hash(value))
                .hasSize(64)
                .matches("[0-9a-f]+")
                .isEqualTo(RefreshTokens.hash(value))
                .isNotEqualTo(value);
        assertThat(RefreshTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
