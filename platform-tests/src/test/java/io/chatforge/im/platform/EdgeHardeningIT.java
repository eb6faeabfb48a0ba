package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Limits that cannot be walked around: one canonical username per account for storage, lookup and
 * every throttle; one canonical path per route for the rate limits and the services; a size limit
 * on every body before any service sees it; no disguising characters in names.
 */
class EdgeHardeningIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void spellingsOfAUsername_reachOneAccount_andCountAgainstOneThrottle() {
        String canonical = Accounts.uniqueUsername("canon");
        var registered = api.post(
                "/api/auth/register",
                Map.of("username", "  " + canonical.toUpperCase() + " ", "password", Accounts.PASSWORD),
                null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("username")).isEqualTo(canonical);

        var fullWidth = fullWidth(canonical);
        Accounts.login(platform.client(), fullWidth, Accounts.PASSWORD, "d-fw");
        Accounts.login(platform.client(), canonical.toUpperCase(), Accounts.PASSWORD, "d-upper");

        List<String> variants =
                List.of(canonical.toUpperCase(), canonical + " ", " " + canonical, fullWidth, canonical);
        for (String variant : variants) {
            assertProblem(
                    platform.client().post("/api/auth/login", Accounts.loginBody(variant, "wrong-pass", "d"), null),
                    401,
                    "invalid_credentials");
        }
        assertProblem(
                platform.client().post("/api/auth/login", Accounts.loginBody(canonical, Accounts.PASSWORD, "d"), null),
                429,
                "too_many_login_attempts");
    }

    @Test
    void accentedOrForeignLookalikes_areNotTheAccount_andCannotRegister() {
        var account = Accounts.registerAndLogin(api, "plain");
        String accented = account.username().replaceFirst("a", "á");
        assertProblem(
                platform.client().post("/api/auth/login", Accounts.loginBody(accented, Accounts.PASSWORD, "d"), null),
                401,
                "invalid_credentials");
        assertProblem(
                api.post("/api/auth/register", Map.of("username", accented, "password", Accounts.PASSWORD), null),
                400,
                "validation_failed");
    }

    @Test
    void registration_isAlways409ForATakenUsername_exceptARepeatWithItsIdempotencyKey() {
        String username = Accounts.uniqueUsername("idem");
        var body = Map.of("username", username, "password", Accounts.PASSWORD);
        String key = UUID.randomUUID().toString();
        var first = api.send("POST", "/api/auth/register", body, null, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);

        var repeat = api.send("POST", "/api/auth/register", body, null, Map.of("Idempotency-Key", key));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("userId").asLong())
                .isEqualTo(first.json().get("userId").asLong());

        assertProblem(api.post("/api/auth/register", body, null), 409, "username_taken");
        assertProblem(
                api.send(
                        "POST",
                        "/api/auth/register",
                        body,
                        null,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                409,
                "username_taken");
        assertProblem(
                api.send("POST", "/api/auth/register", body, null, Map.of("Idempotency-Key", "short")),
                400,
                "validation_failed");
    }

    @Test
    void pathSpellings_areOneRoute_forTheRateLimits() {
        var account = Accounts.registerAndLogin(platform.client(), "spell");
        List<String> spellings =
                List.of("/api/auth/%6Cogin", "//api/auth/login", "/api/auth/login/", "/api//auth/login");
        // registerAndLogin used one login of the per-username budget
        for (int i = 1; i < Platform.Limits.LOGIN_PER_USERNAME; i++) {
            var ok = platform.client()
                    .post(
                            spellings.get(i % spellings.size()),
                            Accounts.loginBody(account.username(), Accounts.PASSWORD, "d-" + i),
                            null);
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        }
        for (String spelling : spellings) {
            assertProblem(
                    platform.client()
                            .post(spelling, Accounts.loginBody(account.username(), Accounts.PASSWORD, "d"), null),
                    429,
                    "rate_limited");
        }
    }

    @Test
    void ambiguousPaths_areRefused() {
        for (String path : List.of(
                "/api/auth/login;jsessionid=1", "/api/auth/..%2Finternal/sync", "/api/%2e%2e/internal/users/batch")) {
            assertProblem(
                    platform.client().post(path, Accounts.loginBody("someone", "password", "d"), null),
                    400,
                    "malformed_path");
        }
    }

    @Test
    void oversizeBodies_get413_beforeAnyServiceSeesThem() {
        var account = Accounts.registerAndLogin(api, "big");
        Map<String, Object> paddedLogin = new HashMap<>(Accounts.loginBody(account.username(), "wrong", "d"));
        paddedLogin.put("pad", "x".repeat(9 * 1024));
        assertProblem(platform.client().post("/api/auth/login", paddedLogin, null), 413, "payload_too_large");

        assertProblem(
                api.patch("/api/users/me", Map.of("nickname", "n".repeat(4 * 1024 * 1024)), account.accessToken()),
                413,
                "payload_too_large");
        Map<String, Long> cursors = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            cursors.put("d_" + (i + 1) + "_" + (i + 2), 1L);
        }
        assertProblem(
                api.post("/api/sync", Map.of("cursors", cursors), account.accessToken()), 413, "payload_too_large");
        assertThat(chunkedPost("/api/sync", 100 * 1024, account.accessToken()))
                .as("a chunked body is cut at the limit too")
                .isEqualTo(413);

        var direct = new ApiClient(platform.user.baseUrl(), ApiClient.randomAddress());
        assertProblem(
                direct.patch("/api/users/me", Map.of("nickname", "n".repeat(100 * 1024)), account.accessToken()),
                413,
                "payload_too_large");
    }

    @Test
    void aSyncNamesAtMostAThousandConversations() {
        var account = Accounts.registerAndLogin(api, "cursors");
        Map<String, Long> cursors = new HashMap<>();
        for (int i = 0; i < 1001; i++) {
            cursors.put("g_" + (i + 1), 0L);
        }
        assertProblem(
                api.post("/api/sync", Map.of("cursors", cursors), account.accessToken()), 400, "validation_failed");
        cursors.remove("g_1");
        assertThat(api.post("/api/sync", Map.of("cursors", cursors), account.accessToken())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void disguisingCharacters_andNullIds_areA400() {
        var owner = Accounts.registerAndLogin(api, "names");
        var friend = Accounts.registerAndLogin(api, "names");
        Friends.befriend(api, owner, friend);
        for (String nickname : List.of("admin\u202Egnp.exe", "ali\u200Bce", "nul\u0000name", "a\u2066b")) {
            assertProblem(
                    api.patch("/api/users/me", Map.of("nickname", nickname), owner.accessToken()),
                    400,
                    "validation_failed");
        }
        assertThat(api.patch("/api/users/me", Map.of("nickname", "dev 👩\u200D💻"), owner.accessToken())
                        .status())
                .isEqualTo(200);
        assertProblem(
                api.post(
                        "/api/groups",
                        Map.of("name", "team\u200B", "memberIds", List.of(friend.userId())),
                        owner.accessToken()),
                400,
                "validation_failed");
        assertProblem(
                api.post(
                        "/api/groups",
                        "{\"name\":\"team\",\"memberIds\":[" + friend.userId() + ",null]}",
                        owner.accessToken()),
                400,
                "validation_failed");
        assertThat(api.get("/api/groups", owner.accessToken()).json().get("items"))
                .as("nothing was created")
                .isEmpty();
    }

    private int chunkedPost(String path, int bytes, String token) {
        byte[] body = ("{\"cursors\":{},\"pad\":\"" + "x".repeat(bytes) + "\"}").getBytes();
        var request = HttpRequest.newBuilder(URI.create(platform.gateway.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", ApiClient.randomAddress())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        try {
            return HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : c);
        }
        return out.toString();
    }
}
