package io.chatforge.im.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.security.RevokedSessions.Revocation;
import org.junit.jupiter.api.Test;

class RevokedSessionsTest {

    @Test
    void revocation_survivesItsEncoding() {
        var revocation = new Revocation(10001, "8f0c2b7e-session", "refresh_reuse");
        assertThat(Revocation.decode(revocation.encode())).isEqualTo(revocation);
    }

    @Test
    void decode_refusesWhatIsNotARevocation() {
        assertThat(Revocation.decode(null)).isNull();
        assertThat(Revocation.decode("")).isNull();
        assertThat(Revocation.decode("alice|sid|logout")).isNull();
        assertThat(Revocation.decode("10001||logout")).isNull();
        assertThat(Revocation.decode("10001|sid")).isNull();
    }
}
