package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account lifecycle through the gateway: register, log in, profile, refresh, logout. */
class AccountFlowIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void registeredUser_logsIn_andEditsProfile() {
        String username = Accounts.uniqueUsername("flow");
        var registered = api.post(
                "/api/auth/register",
                Map.of("username", username, "password", Accounts.PASSWORD, "nickname", "Flow 🌊"),
                null);
        assertThat(registered.status()).isEqualTo(201);
        long userId = registered.json().get("userId").asLong();

        var login = api.post("/api/auth/login", Accounts.loginBody(username, Accounts.PASSWORD, "phone-1"), null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("userId").asLong()).isEqualTo(userId);
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        String token = login.text("accessToken");

        var me = api.get("/api/users/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(userId);
        assertThat(me.text("username")).isEqualTo(username);
        assertThat(me.text("nickname")).isEqualTo("Flow 🌊");

        var patched = api.patch(
                "/api/users/me", Map.of("nickname", "新しい名前 🚀", "avatar", "https://cdn.example.com/a.png"), token);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        var reread = api.get("/api/users/me", token);
        assertThat(reread.text("nickname")).isEqualTo("新しい名前 🚀");
        assertThat(reread.text("avatar")).isEqualTo("https://cdn.example.com/a.png");

        var removedAvatar = api.patch("/api/users/me", Map.of("avatar", ""), token);
        assertThat(removedAvatar.json().get("avatar").isNull()).isTrue();
        assertThat(removedAvatar.text("nickname")).as("absent fields stay").isEqualTo("新しい名前 🚀");
    }

    @Test
    void otherUsers_canBeReadAndFoundByPrefix() {
        var reader = Accounts.registerAndLogin(api, "reader");
        var target = Accounts.registerAndLogin(api, "findme");
        api.patch("/api/users/me", Map.of("nickname", "Zebra_" + target.userId()), target.accessToken());

        var byId = api.get("/api/users/" + target.userId(), reader.accessToken());
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.text("username")).isEqualTo(target.username());

        var byUsername = api.get("/api/users?query=" + target.username().substring(0, 12), reader.accessToken());
        assertThat(byUsername.status()).isEqualTo(200);
        assertThat(byUsername.json().get("items").findValuesAsString("username"))
                .containsExactly(target.username());

        var byNickname = api.get("/api/users?query=zebra_" + target.userId(), reader.accessToken());
        assertThat(byNickname.json().get("items").findValuesAsString("username"))
                .containsExactly(target.username());

        var wildcard = api.get("/api/users?query=%25&size=50", reader.accessToken());
        assertThat(wildcard.status()).isEqualTo(200);
        assertThat(wildcard.json().get("items").size())
                .as("%% is matched literally")
                .isZero();
    }

    @Test
    void refresh_rotatesTheRefreshToken_andReuseRevokesTheWholeSession() {
        var account = Accounts.registerAndLogin(api, "rotate");

        var first = api.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()), null);
        assertThat(first.status()).isEqualTo(200);
        String newRefresh = first.text("refreshToken");
        String newAccess = first.text("accessToken");
        assertThat(newRefresh).isNotEqualTo(account.refreshToken());
        assertThat(api.get("/api/users/me", newAccess).status()).isEqualTo(200);

        var reuse = api.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()), null);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.problemCode()).isEqualTo("invalid_refresh_token");

        assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", newRefresh), null)
                        .status())
                .as("the successor of a reused token is revoked too")
                .isEqualTo(401);
        assertThat(api.get("/api/users/me", newAccess).status())
                .as("access tokens of the revoked session stop working")
                .isEqualTo(401);
    }

    @Test
    void logout_revokesTheDevicesRefreshAndAccessTokens_only() {
        String username = Accounts.uniqueUsername("logout");
        api.post("/api/auth/register", Map.of("username", username, "password", Accounts.PASSWORD), null);
        var phone = Accounts.login(api, username, Accounts.PASSWORD, "phone");
        var laptop = Accounts.login(api, username, Accounts.PASSWORD, "laptop");

        var logout = api.post("/api/auth/logout", null, phone.accessToken());
        assertThat(logout.status()).isEqualTo(204);

        var after = api.get("/api/users/me", phone.accessToken());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", phone.refreshToken()), null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/users/me", laptop.accessToken()).status())
                .as("the other device stays logged in")
                .isEqualTo(200);
    }

    @Test
    void secondLoginOfTheSameDevice_replacesItsSession() {
        String username = Accounts.uniqueUsername("relogin");
        api.post("/api/auth/register", Map.of("username", username, "password", Accounts.PASSWORD), null);
        var first = Accounts.login(api, username, Accounts.PASSWORD, "tablet");
        var second = Accounts.login(api, username, Accounts.PASSWORD, "tablet");

        assertThat(api.get("/api/users/me", first.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", first.refreshToken()), null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/users/me", second.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void repeatingARegistration_withoutItsIdempotencyKey_isAConflict_evenWithTheSamePassword() {
        String username = Accounts.uniqueUsername("again");
        var body = Map.of("username", username, "password", Accounts.PASSWORD);
        var first = api.post("/api/auth/register", body, null);
        var repeat = api.post("/api/auth/register", body, null);
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).as("no password oracle").isEqualTo(409);
        assertThat(repeat.problemCode()).isEqualTo("username_taken");

        var other = api.post(
                "/api/auth/register", Map.of("username", username.toUpperCase(), "password", "another-password"), null);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.problemCode()).isEqualTo("username_taken");
        Accounts.login(api, username, Accounts.PASSWORD, "device-1");
    }

    @Test
    void jwks_isPublic_andHoldsNoPrivateParts() {
        var jwks = api.get("/api/auth/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        var key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(key.has("kid")).isTrue();
        assertThat(key.has("d")).as("no private exponent").isFalse();
    }
}
