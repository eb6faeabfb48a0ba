package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx problem+json answer and changes nothing. */
class AccountBadInputIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void malformedJson_isA400_everywhere() {
        var account = Accounts.registerAndLogin(api, "malformed");
        for (String path : new String[] {"/api/auth/register", "/api/auth/login", "/api/auth/refresh"}) {
            assertProblem(api.post(path, "{\"username\": ", null), 400, "malformed_request");
        }
        assertProblem(api.patch("/api/users/me", "not json at all", account.accessToken()), 400, "malformed_request");
        assertThat(api.get("/api/users/me", account.accessToken()).text("nickname"))
                .as("profile unchanged")
                .isEqualTo(account.username());
    }

    @Test
    void missingOrOversizeFields_areRejected_andNothingIsCreated() {
        String username = Accounts.uniqueUsername("size");
        var missing = api.post("/api/auth/register", Map.of("username", username), null);
        assertProblem(missing, 400, "validation_failed");
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("password");

        assertProblem(
                api.post("/api/auth/register", Map.of("username", "x".repeat(33), "password", Accounts.PASSWORD), null),
                400,
                "validation_failed");
        assertProblem(
                api.post("/api/auth/register", Map.of("username", "no spaces!", "password", Accounts.PASSWORD), null),
                400,
                "validation_failed");
        assertProblem(
                api.post("/api/auth/register", Map.of("username", username, "password", "short"), null),
                400,
                "validation_failed");
        assertProblem(
                api.post("/api/auth/register", Map.of("username", username, "password", "p".repeat(129)), null),
                400,
                "validation_failed");
        assertProblem(
                api.post(
                        "/api/auth/register",
                        Map.of("username", username, "password", Accounts.PASSWORD, "nickname", "n".repeat(65)),
                        null),
                400,
                "validation_failed");
        assertProblem(
                api.post(
                        "/api/auth/login",
                        Map.of("username", username, "password", Accounts.PASSWORD, "deviceId", "d"),
                        null),
                400,
                "validation_failed");

        assertThat(api.post("/api/auth/register", Map.of("username", username, "password", Accounts.PASSWORD), null)
                        .status())
                .as("none of the rejected requests reserved the username")
                .isEqualTo(201);
    }

    @Test
    void wrongTypes_areA400() {
        var account = Accounts.registerAndLogin(api, "types");
        assertProblem(
                api.post(
                        "/api/auth/register",
                        "{\"username\":[\"a\"],\"password\":\"" + Accounts.PASSWORD + "\"}",
                        null),
                400,
                "malformed_request");
        assertProblem(
                api.patch("/api/users/me", "{\"nickname\":{\"x\":1}}", account.accessToken()),
                400,
                "malformed_request");
        assertProblem(api.get("/api/users/not-a-number", account.accessToken()), 400, "malformed_request");
        assertProblem(api.get("/api/users?query=a&size=abc", account.accessToken()), 400, "malformed_request");
    }

    @Test
    void invalidProfileEdits_areRejected_andLeaveTheProfileAsItWas() {
        var account = Accounts.registerAndLogin(api, "edits");
        api.patch(
                "/api/users/me",
                Map.of("nickname", "Keeper", "avatar", "https://example.com/k.png"),
                account.accessToken());

        assertProblem(
                api.patch("/api/users/me", Map.of("nickname", "   "), account.accessToken()), 400, "validation_failed");
        assertProblem(
                api.patch("/api/users/me", Map.of("nickname", "n".repeat(65)), account.accessToken()),
                400,
                "validation_failed");
        assertProblem(
                api.patch(
                        "/api/users/me",
                        Map.of("nickname", "Valid", "avatar", "javascript:alert(1)"),
                        account.accessToken()),
                400,
                "validation_failed");
        assertProblem(
                api.patch(
                        "/api/users/me",
                        Map.of("avatar", "https://example.com/" + "a".repeat(500)),
                        account.accessToken()),
                400,
                "validation_failed");
        assertProblem(api.get("/api/users?query=", account.accessToken()), 400, "validation_failed");
        assertProblem(api.get("/api/users?query=a&size=500", account.accessToken()), 400, "validation_failed");

        var me = api.get("/api/users/me", account.accessToken());
        assertThat(me.text("nickname")).isEqualTo("Keeper");
        assertThat(me.text("avatar")).isEqualTo("https://example.com/k.png");
    }

    @Test
    void unknownUserId_isA404() {
        var account = Accounts.registerAndLogin(api, "unknown");
        assertProblem(api.get("/api/users/999999999", account.accessToken()), 404, "user_not_found");
    }

    @Test
    void duplicateUsername_isA409_andTheOriginalAccountIsUntouched() {
        var original = Accounts.registerAndLogin(api, "dup");
        var duplicate = api.post(
                "/api/auth/register",
                Map.of("username", original.username().toUpperCase(), "password", "a-different-password"),
                null);
        assertProblem(duplicate, 409, "username_taken");
        Accounts.login(api, original.username(), Accounts.PASSWORD, "device-2");
        assertThat(api.post(
                                "/api/auth/login",
                                Accounts.loginBody(original.username(), "a-different-password", "d"),
                                null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void expiredTamperedAndForeignTokens_areRefused_atTheGatewayAndAtTheService() {
        var account = Accounts.registerAndLogin(api, "tokens");
        var other = Accounts.registerAndLogin(api, "victim");
        String expired = ForgedTokens.expired(platform.devKeyFile, account.userId());
        String tampered = ForgedTokens.tampered(account.accessToken(), other.userId());
        String stranger = ForgedTokens.signedByStranger(account.userId());
        var direct = new ApiClient(platform.user.baseUrl(), ApiClient.randomAddress());

        for (String bad : new String[] {expired, tampered, stranger, "not.a.jwt", "garbage"}) {
            assertProblem(api.get("/api/users/me", bad), 401, "invalid_token");
            assertThat(direct.get("/api/users/me", bad).status())
                    .as("the service checks the token itself")
                    .isEqualTo(401);
        }
        assertThat(api.get("/api/users/me", account.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void requestsThatBypassTheGateway_needTheirOwnValidToken() {
        var account = Accounts.registerAndLogin(api, "bypass");
        var direct = new ApiClient(platform.user.baseUrl(), ApiClient.randomAddress());
        var noToken =
                direct.send("GET", "/api/users/me", null, null, Map.of("X-User-Id", Long.toString(account.userId())));
        assertProblem(noToken, 401, "authentication_required");
        assertThat(direct.get("/api/users/me", account.accessToken()).text("username"))
                .isEqualTo(account.username());

        var internal = direct.post("/internal/users/batch", Map.of("ids", new long[] {account.userId()}), null);
        assertProblem(internal, 401, "internal_caller_required");
        var wrongSecret = direct.send(
                "POST",
                "/internal/users/batch",
                Map.of("ids", new long[] {account.userId()}),
                null,
                Map.of("X-Internal-Token", "guessed-value-1234567890"));
        assertProblem(wrongSecret, 401, "internal_caller_required");
    }

    @Test
    void refreshTokenUsedTwice_isRefused() {
        var account = Accounts.registerAndLogin(api, "twice");
        assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()), null)
                        .status())
                .isEqualTo(200);
        assertProblem(
                api.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()), null),
                401,
                "invalid_refresh_token");
        assertProblem(
                api.post("/api/auth/refresh", Map.of("refreshToken", "made-up-token"), null),
                401,
                "invalid_refresh_token");
    }

    static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.problemCode()).as(response.toString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
