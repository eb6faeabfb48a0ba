package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** Registers and logs in test users through the gateway. */
final class Accounts {
    static final String PASSWORD = "s3cret-enough";

    private Accounts() {}

    static String uniqueUsername(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Account registerAndLogin(ApiClient api, String prefix) {
        String username = uniqueUsername(prefix);
        var registered = api.post("/api/auth/register", Map.of("username", username, "password", PASSWORD), null);
        assertThat(registered.status()).as("register %s", registered).isEqualTo(201);
        return login(api, username, PASSWORD, "device-1");
    }

    static Account login(ApiClient api, String username, String password, String deviceId) {
        var response = api.post("/api/auth/login", loginBody(username, password, deviceId), null);
        assertThat(response.status()).as("login %s", response).isEqualTo(200);
        var json = response.json();
        return new Account(
                json.get("userId").asLong(),
                username,
                json.get("accessToken").asString(),
                json.get("refreshToken").asString());
    }

    static Map<String, String> loginBody(String username, String password, String deviceId) {
        return Map.of("username", username, "password", password, "deviceId", deviceId, "deviceType", "web");
    }

    record Account(long userId, String username, String accessToken, String refreshToken) {}
}
