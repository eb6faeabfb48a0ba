package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Friend-service helpers for tests. */
final class Friends {
    private Friends() {}

    static long request(ApiClient api, Accounts.Account from, Accounts.Account to) {
        var sent = api.post(
                "/api/friends/requests", Map.of("toUserId", to.userId(), "message", "hi!"), from.accessToken());
        assertThat(sent.status()).as(sent.toString()).isIn(200, 201);
        return sent.json().get("id").asLong();
    }

    static void befriend(ApiClient api, Accounts.Account a, Accounts.Account b) {
        long id = request(api, a, b);
        var accepted = api.post("/api/friends/requests/" + id + "/accept", null, b.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    /** friend-service's internal relation check, called like message-service will. */
    static ApiClient.Response relation(Platform platform, long a, long b) {
        var internal = new ApiClient(platform.friend.baseUrl(), ApiClient.randomAddress());
        return internal.send(
                "GET",
                "/internal/relations/" + a + "/" + b,
                null,
                null,
                Map.of("X-Internal-Token", platform.internalToken));
    }
}
