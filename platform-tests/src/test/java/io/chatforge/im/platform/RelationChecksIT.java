package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** friend-service's internal relation API: answers for other services only, with validated input. */
class RelationChecksIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void relationChecks_areInternalOnly_andValidated() {
        var a = Accounts.registerAndLogin(api, "rel");
        var b = Accounts.registerAndLogin(api, "rel");
        var c = Accounts.registerAndLogin(api, "rel");
        Friends.befriend(api, a, b);
        api.post("/api/friends/blocks/" + a.userId(), null, c.accessToken());
        var internal = new ApiClient(platform.friend.baseUrl(), ApiClient.randomAddress());
        var token = Map.of("X-Internal-Token", platform.internalToken);

        var batch = internal.send(
                "POST",
                "/internal/relations/batch",
                Map.of(
                        "pairs",
                        List.of(Map.of("a", a.userId(), "b", b.userId()), Map.of("a", a.userId(), "b", c.userId()))),
                null,
                token);
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().get(0).get("friends").asBoolean()).isTrue();
        assertThat(batch.json().get(1).get("friends").asBoolean()).isFalse();
        assertThat(batch.json().get(1).get("blockedByA").asBoolean()).isFalse();
        assertThat(batch.json().get(1).get("blockedByB").asBoolean()).isTrue();

        assertProblem(
                internal.send("GET", "/internal/relations/" + a.userId() + "/" + a.userId(), null, null, token),
                400,
                "validation_failed");
        assertProblem(internal.send("GET", "/internal/relations/x/1", null, null, token), 400, "malformed_request");
        assertProblem(
                internal.get("/internal/relations/" + a.userId() + "/" + b.userId(), null),
                401,
                "internal_caller_required");
        assertThat(api.get("/internal/relations/" + a.userId() + "/" + b.userId(), a.accessToken())
                        .status())
                .as("not routed by the gateway")
                .isIn(403, 404);

        // the whole graph by pages, for message-service rebuilding its view: both pairs, with versions
        long low = Math.min(a.userId(), b.userId());
        var page = internal.send(
                "GET", "/internal/relations?afterLow=" + (low - 1) + "&afterHigh=0&limit=5000", null, null, token);
        assertThat(page.status()).isEqualTo(200);
        List<String> pairs = new java.util.ArrayList<>();
        page.json().get("relations").forEach(r -> {
            if (r.get("a").asLong() >= low) {
                pairs.add(r.get("a").asLong() + "-" + r.get("b").asLong() + ":"
                        + r.get("friends").asBoolean());
                assertThat(r.get("version").asLong()).isPositive();
                assertThat(r.get("a").asLong()).isLessThan(r.get("b").asLong());
            }
        });
        assertThat(pairs)
                .contains(low + "-" + Math.max(a.userId(), b.userId()) + ":true")
                .contains(Math.min(a.userId(), c.userId()) + "-" + Math.max(a.userId(), c.userId()) + ":false");
        assertProblem(
                internal.send("GET", "/internal/relations?limit=5001", null, null, token), 400, "validation_failed");
        assertProblem(internal.get("/internal/relations", null), 401, "internal_caller_required");
    }
}
