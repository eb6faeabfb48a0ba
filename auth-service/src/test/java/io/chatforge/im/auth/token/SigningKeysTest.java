package io.chatforge.im.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @Test
    void withoutAKey_outsideDev_startupFailsWithAClearMessage() {
        assertThatThrownBy(() -> SigningKeys.from(properties(null, false, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IM_AUTH_JWT_PRIVATE_KEY");
    }

    @Test
    void devKey_isKeptInItsFile_soTokensSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("keys/dev.pem");
        SigningKeys first = SigningKeys.from(properties(null, true, file.toString()));
        SigningKeys second = SigningKeys.from(properties(null, true, file.toString()));
        assertThat(Files.exists(file)).isTrue();
        assertThat(second.current().getModulus()).isEqualTo(first.current().getModulus());
    }

    @Test
    void configuredPemKey_isUsed_andOnlyItsPublicPartIsPublished(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.pem");
        SigningKeys generated = SigningKeys.from(properties(null, true, file.toString()));
        SigningKeys configured = SigningKeys.from(properties(Files.readString(file), false, null));
        assertThat(configured.current().getModulus())
                .isEqualTo(generated.current().getModulus());
        assertThat(configured.publicKeys().getKeys())
                .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(configured.publicKeys().toString()).doesNotContain("\"d\"");
    }

    private static TokenProperties properties(String pem, boolean generateDevKey, String devKeyFile) {
        return new TokenProperties(
                "chatforge-im",
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                "im-key-1",
                pem,
                Map.of(),
                generateDevKey,
                devKeyFile);
    }
}
