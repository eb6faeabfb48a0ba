package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * user-service goes away and comes back: clients get a clear 503, registrations are never left
 * half done, friend lists degrade to ids only, and the platform recovers by itself.
 */
class ServiceOutageIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void whileUserServiceIsDown_clientsGet503_andRegistrationsCompleteAfterwards() {
        var reader = Accounts.registerAndLogin(api, "reader");
        var friend = Accounts.registerAndLogin(api, "friend");
        var asker = Accounts.registerAndLogin(api, "asker");
        var stranger = Accounts.registerAndLogin(api, "stranger");
        Friends.befriend(api, reader, friend);
        Friends.request(api, asker, reader);
        String retried = Accounts.uniqueUsername("retried");
        String abandoned = Accounts.uniqueUsername("abandoned");
        var retriedBody = Map.of("username", retried, "password", Accounts.PASSWORD);
        var retryKey = Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString());

        platform.user.stop();
        try {
            assertProblem(api.get("/api/users/me", reader.accessToken()), 503, "service_unavailable");

            // friend lists still come back, with ids only; a new request cannot be checked
            var friends = api.get("/api/friends", reader.accessToken());
            assertThat(friends.status()).isEqualTo(200);
            var peer = friends.json().get("items").get(0).get("user");
            assertThat(peer.get("userId").asLong()).isEqualTo(friend.userId());
            assertThat(peer.get("nickname").isNull()).isTrue();
            var incoming = api.get("/api/friends/requests?direction=incoming", reader.accessToken());
            assertThat(incoming.status()).isEqualTo(200);
            assertThat(incoming.json()
                            .get("items")
                            .get(0)
                            .get("peer")
                            .get("userId")
                            .asLong())
                    .isEqualTo(asker.userId());
            assertProblem(
                    api.post("/api/friends/requests", Map.of("toUserId", stranger.userId()), reader.accessToken()),
                    503,
                    "user_directory_unavailable");

            assertProblem(
                    api.send("POST", "/api/auth/register", retriedBody, null, retryKey),
                    503,
                    "registration_incomplete");
            assertProblem(
                    api.post("/api/auth/register", Map.of("username", abandoned, "password", Accounts.PASSWORD), null),
                    503,
                    "registration_incomplete");
            var pendingLogin = api.post("/api/auth/login", Accounts.loginBody(retried, Accounts.PASSWORD, "d"), null);
            assertProblem(pendingLogin, 503, "registration_incomplete");
        } finally {
            platform.user.start();
            platform.user.awaitReady(Duration.ofMinutes(2));
        }

        // auth-service reaches user-service again once its breaker lets calls through: probed with
        // fresh names, since a name has a small registration budget (5 a minute) at the gateway
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> api.post(
                                        "/api/auth/register",
                                        Map.of(
                                                "username",
                                                Accounts.uniqueUsername("probe"),
                                                "password",
                                                Accounts.PASSWORD),
                                        null)
                                .status()
                        == 201);
        // the client that retries the same request (same Idempotency-Key) gets its account; it
        // retries a 503 as clients do: the breaker may still be half-open after one probe got through
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> api.send("POST", "/api/auth/register", retriedBody, null, retryKey)
                                .status()
                        == 200);
        var account = Accounts.login(api, retried, Accounts.PASSWORD, "phone");
        assertThat(api.get("/api/users/me", account.accessToken()).text("username"))
                .isEqualTo(retried);

        // the abandoned registration is finished in the background: its profile appears
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(api.get("/api/users?query=" + abandoned, reader.accessToken())
                                .json()
                                .get("items")
                                .findValuesAsString("username"))
                        .containsExactly(abandoned));
        Accounts.login(api, abandoned, Accounts.PASSWORD, "tablet");
    }
}
