package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Brute-force protection on login: per username in auth-service, per username and address at the gateway. */
class LoginThrottleIT {
    private final Platform platform = Platform.get();

    @Test
    void afterFiveFailures_evenTheRightPasswordGets429() {
        var api = platform.client();
        var account = Accounts.registerAndLogin(api, "brute");
        for (int i = 0; i < 5; i++) {
            // a fresh address each time: the username is what is being protected
            var wrong = platform.client()
                    .post("/api/auth/login", Accounts.loginBody(account.username(), "wrong-password-" + i, "d"), null);
            assertProblem(wrong, 401, "invalid_credentials");
        }
        var locked = platform.client()
                .post("/api/auth/login", Accounts.loginBody(account.username(), Accounts.PASSWORD, "d"), null);
        assertProblem(locked, 429, "too_many_login_attempts");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 15 * 60L);
    }

    @Test
    void unknownAndKnownUsernames_failAlike() {
        var api = platform.client();
        var account = Accounts.registerAndLogin(api, "known");
        String ghost = Accounts.uniqueUsername("ghost");
        var known = platform.client()
                .post("/api/auth/login", Accounts.loginBody(account.username(), "nope-nope", "d"), null);
        var unknown = platform.client().post("/api/auth/login", Accounts.loginBody(ghost, "nope-nope", "d"), null);
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(401);
        assertThat(unknown.text("detail")).isEqualTo(known.text("detail"));
        assertThat(unknown.problemCode()).isEqualTo(known.problemCode());
        for (int i = 0; i < 4; i++) {
            platform.client().post("/api/auth/login", Accounts.loginBody(ghost, "nope-nope", "d"), null);
        }
        assertProblem(
                platform.client().post("/api/auth/login", Accounts.loginBody(ghost, "nope-nope", "d"), null),
                429,
                "too_many_login_attempts");
    }

    @Test
    void gatewayLimitsLoginsPerUsername_fromAnyAddress() {
        var account = Accounts.registerAndLogin(platform.client(), "peruser");
        // registerAndLogin used one login of the budget
        for (int i = 1; i < Platform.Limits.LOGIN_PER_USERNAME; i++) {
            Accounts.login(platform.client(), account.username(), Accounts.PASSWORD, "device-" + i);
        }
        var over = platform.client()
                .post("/api/auth/login", Accounts.loginBody(account.username(), Accounts.PASSWORD, "d-x"), null);
        assertProblem(over, 429, "rate_limited");
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void gatewayLimitsLoginsPerAddress() {
        var sameAddress = platform.client();
        int refused = 0;
        for (int i = 0; i <= Platform.Limits.LOGIN_PER_IP; i++) {
            var response = sameAddress.post(
                    "/api/auth/login",
                    Map.of(
                            "username",
                            Accounts.uniqueUsername("spray"),
                            "password",
                            "x",
                            "deviceId",
                            "d",
                            "deviceType",
                            "web"),
                    null);
            if (response.status() == 429) {
                assertProblem(response, 429, "rate_limited");
                refused++;
            }
        }
        assertThat(refused).as("only the attempt past the budget is refused").isEqualTo(1);
    }
}
