package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No socket outlives its session: a revoked device session (logout, refresh-token reuse, ended
 * from another device) closes its connection on whichever connector holds it within a second,
 * with {@code event kicked} first and close 4003; a token that expires on an open socket closes it
 * (4004) unless the client renewed it in band with an {@code auth} frame.
 */
class SessionRevocationIT {
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void logout_closesThatDevicesSocket_withinASecond_andLeavesTheOtherDevicesOpen() {
        var phone = Accounts.registerAndLogin(api, "logout");
        var laptop = Accounts.login(api, phone.username(), Accounts.PASSWORD, "laptop");
        try (var phoneWs = WsClient.connectDirect(platform.connectorB, phone.accessToken());
                var laptopWs = WsClient.connectDirect(platform.connectorA, laptop.accessToken())) {
            awaitOnline(phoneWs, laptopWs);

            assertThat(api.post("/api/auth/logout", null, phone.accessToken()).status())
                    .isEqualTo(204);

            assertThat(phoneWs.awaitClose(WITHIN_A_SECOND)).isEqualTo(4003);
            assertKickedFirst(phoneWs, "logout");
            awaitOnline(laptopWs);
            assertThat(laptopWs.isClosed()).isFalse();
        }
    }

    @Test
    void refreshTokenReuse_closesTheSessionsSocket_withinASecond() {
        var user = Accounts.registerAndLogin(api, "reuse");
        try (var ws = WsClient.connectDirect(platform.connectorA, user.accessToken())) {
            awaitOnline(ws);
            var rotated = api.post("/api/auth/refresh", Map.of("refreshToken", user.refreshToken()), null);
            assertThat(rotated.status()).isEqualTo(200);

            var replayed = api.post("/api/auth/refresh", Map.of("refreshToken", user.refreshToken()), null);
            assertThat(replayed.status()).isEqualTo(401);

            assertThat(ws.awaitClose(WITHIN_A_SECOND)).isEqualTo(4003);
            assertKickedFirst(ws, "refresh_reuse");
        }
    }

    @Test
    void aSessionEndedFromAnotherDevice_closesItsSocket_andStrangersCannotEndIt() {
        var phone = Accounts.registerAndLogin(api, "lost");
        var laptop = Accounts.login(api, phone.username(), Accounts.PASSWORD, "laptop");
        var stranger = Accounts.registerAndLogin(api, "thief");
        try (var phoneWs = WsClient.connectDirect(platform.connectorB, phone.accessToken())) {
            awaitOnline(phoneWs);
            JsonNode sessions =
                    api.get("/api/auth/sessions", laptop.accessToken()).json();
            assertThat(sessions).hasSize(2);
            JsonNode phoneSession = null;
            for (JsonNode s : sessions) {
                if ("device-1".equals(s.get("deviceId").asString())) {
                    phoneSession = s;
                }
            }
            assertThat(phoneSession).isNotNull();
            assertThat(phoneSession.get("current").asBoolean()).isFalse();
            String path = "/api/auth/sessions/" + phoneSession.get("sessionId").asString();

            var notTheirs = api.delete(path, stranger.accessToken());
            assertThat(notTheirs.status()).isEqualTo(404);
            assertThat(notTheirs.problemCode()).isEqualTo("session_not_found");
            awaitOnline(phoneWs);

            assertThat(api.delete(path, laptop.accessToken()).status()).isEqualTo(204);
            assertThat(phoneWs.awaitClose(WITHIN_A_SECOND)).isEqualTo(4003);
            assertKickedFirst(phoneWs, "revoked");
            assertThat(api.get("/api/users/me", phone.accessToken()).status()).isEqualTo(401);
            assertThat(api.get("/api/auth/sessions", laptop.accessToken()).json())
                    .hasSize(1);
        }
    }

    @Test
    void aTokenExpiringOnAnOpenSocket_closesIt_unlessRenewedInBand() {
        var user = Accounts.registerAndLogin(api, "expiry");
        var other = Accounts.registerAndLogin(api, "other");
        Duration shortLife = Duration.ofSeconds(4);
        String expiring = ForgedTokens.valid(platform.devKeyFile, user.userId(), "watch", shortLife);
        String renewing = ForgedTokens.valid(platform.devKeyFile, user.userId(), "tablet", shortLife);
        try (var expiringWs = WsClient.connectDirect(platform.connectorA, expiring);
                var renewingWs = WsClient.connectDirect(platform.connectorB, renewing)) {
            awaitOnline(expiringWs, renewingWs);

            renewingWs.send(Map.of(
                    "type",
                    "auth",
                    "ref",
                    "wrong-user",
                    "token",
                    ForgedTokens.valid(platform.devKeyFile, other.userId(), "tablet", Duration.ofMinutes(10))));
            expectError(renewingWs, "invalid_token", "wrong-user");
            renewingWs.send(Map.of("type", "auth", "ref", "garbage", "token", "not.a.token"));
            expectError(renewingWs, "invalid_token", "garbage");
            String fresh = ForgedTokens.valid(platform.devKeyFile, user.userId(), "tablet", Duration.ofMinutes(10));
            renewingWs.send(Map.of("type", "auth", "ref", "renew-1", "token", fresh));
            JsonNode ok = renewingWs.await(
                    "auth.ok", f -> "auth.ok".equals(f.path("type").asString()));
            assertThat(ok.get("ref").asString()).isEqualTo("renew-1");
            assertThat(ok.get("expiresAt").asLong()).isGreaterThan(System.currentTimeMillis() + 60_000);

            assertThat(expiringWs.awaitClose(shortLife.plusSeconds(5))).isEqualTo(4004);
            assertThat(expiringWs.frames("error"))
                    .anySatisfy(e -> assertThat(e.get("code").asString()).isEqualTo("token_expired"));
            // both first tokens have expired now: the renewed connection stays open and answers
            Awaitility.await("the renewed connection stays open past its first token's expiry")
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(4))
                    .until(() -> !renewingWs.isClosed());
            int pongs = renewingWs.frames("pong").size();
            renewingWs.send(Map.of("type", "ping", "ref", "after-expiry"));
            renewingWs.awaitCount("pong", pongs + 1, Duration.ofSeconds(5));
        }
    }

    private static void assertKickedFirst(WsClient ws, String code) {
        JsonNode kicked = ws.await("kicked", f -> "kicked".equals(f.path("kind").asString()));
        assertThat(kicked.get("data").get("code").asString()).isEqualTo(code);
        assertThat(kicked.get("data").get("reason").asString()).isNotBlank();
    }

    private static void expectError(WsClient ws, String code, String ref) {
        ws.await(
                "error " + code,
                f -> "error".equals(f.path("type").asString())
                        && code.equals(f.path("code").asString())
                        && ref.equals(f.path("ref").asString()));
    }
}
