package io.chatforge.im.push.apns;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.chatforge.im.push.content.Notification;
import io.chatforge.im.push.delivery.DeliveryProperties;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApnsProviderTest {

    @Test
    void thePayload_putsAlertBadgeAndThreadInAps_andThePushFieldsBesideIt() {
        var payload = ApnsProvider.payload(new Notification("msg", "g_7", "99", 4, 5, "Team", "hi", 2));

        assertThat(payload.get("aps"))
                .isEqualTo(Map.of(
                        "alert",
                        Map.of("title", "Team", "body", "hi"),
                        "badge",
                        2L,
                        "sound",
                        "default",
                        "thread-id",
                        "g_7"));
        assertThat(payload).containsEntry("msgId", "99").containsEntry("conversationId", "g_7");
        assertThat(ApnsProvider.collapseId("x".repeat(80))).hasSize(64);
    }

    @Test
    void theProviderToken_isSignedWithTheKey_andReusedForFortyMinutes() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        var clock = new MutableClock();
        var provider = new ApnsProvider(
                new ApnsProperties(pem, "KEY1", "TEAM1", "io.app", "http://127.0.0.1:1"),
                new DeliveryProperties(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(5), 4),
                JsonMapper.builder().build(),
                clock);

        String first = provider.providerToken();
        SignedJWT jwt = SignedJWT.parse(first);
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic())))
                .isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("KEY1");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("TEAM1");
        clock.advance(Duration.ofMinutes(39));
        assertThat(provider.providerToken()).isEqualTo(first);
        clock.advance(Duration.ofMinutes(2));
        assertThat(provider.providerToken()).isNotEqualTo(first);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
