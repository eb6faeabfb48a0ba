package io.chatforge.im.push.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointGuardTest {
    private final EndpointGuard production =
            new EndpointGuard(List.of("fcm.googleapis.com", "*.push.apple.com"), false);
    private final EndpointGuard local = new EndpointGuard(List.of("fcm.googleapis.com"), true);

    @Test
    void onlyHttpsOnTheAllowedPushServices_onTheirDefaultPort() {
        assertThat(production.allows("https://fcm.googleapis.com/fcm/send/abc")).isTrue();
        assertThat(production.allows("https://web.push.apple.com/QGux")).isTrue();
        assertThat(production.allows("https://push.apple.com.evil.example/x")).isFalse();
        assertThat(production.allows("https://evilpush.apple.com/x")).isFalse();
        assertThat(production.allows("http://fcm.googleapis.com/fcm/send/abc")).isFalse();
        assertThat(production.allows("https://fcm.googleapis.com:8443/x")).isFalse();
        assertThat(production.allows("https://user@fcm.googleapis.com/x")).isFalse();
        assertThat(production.allows("https://169.254.169.254/latest/meta-data"))
                .isFalse();
        assertThat(production.allows("http://127.0.0.1:8084/internal/sync")).isFalse();
        assertThat(production.allows("not a url")).isFalse();
        assertThat(production.allows("file:///etc/passwd")).isFalse();
    }

    @Test
    void aLocalRun_alsoAcceptsLoopback_butNothingElseNew() {
        assertThat(local.allows("http://127.0.0.1:9999/push/1")).isTrue();
        assertThat(local.allows("http://localhost:9999/push/1")).isTrue();
        assertThat(local.allows("http://[::1]:9999/push/1")).isTrue();
        assertThat(local.allows("http://10.0.0.5:9999/push/1")).isFalse();
        assertThat(local.allows("http://127.0.0.2/push/1")).isFalse();
        assertThat(local.allows("ftp://127.0.0.1/push/1")).isFalse();
    }
}
