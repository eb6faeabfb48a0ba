package io.chatforge.im.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InternalCallsTest {

    @Test
    void theWellKnownDevToken_isRefusedOutsideTheDevProfile() {
        assertThatThrownBy(() -> InternalCalls.requireUsableToken(InternalCalls.DEV_TOKEN, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("well-known");
        assertThatCode(() -> InternalCalls.requireUsableToken(InternalCalls.DEV_TOKEN, true))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingOrShortToken_isRefusedEverywhere() {
        assertThatThrownBy(() -> InternalCalls.requireUsableToken(null, true))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> InternalCalls.requireUsableToken("short", false))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> InternalCalls.requireUsableToken("a-long-random-secret-from-a-vault", false))
                .doesNotThrowAnyException();
    }
}
