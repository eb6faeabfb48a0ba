package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signing-key rotation, end to end: auth-service restarts with a new key and publishes the old
 * one as previous; tokens of the old key keep working until they expire, tokens of the new key are
 * accepted at once by the gateway, every service and the connectors, none of which restarts (an
 * unknown key id makes them fetch the keys again).
 */
class KeyRotationIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void afterARotation_oldAndNewTokensWorkEverywhere_withoutRestartingTheVerifiers() throws Exception {
        var before = Accounts.registerAndLogin(api, "rotate");
        var friend = Accounts.registerAndLogin(api, "rotate");
        Friends.befriend(api, before, friend);
        String oldPublicKey = pem(
                "PUBLIC KEY", publicOf(Files.readString(platform.devKeyFile)).getEncoded());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair next = generator.generateKeyPair();
        String previousKeys = ApiClient.JSON.writeValueAsString(Map.of(
                "im",
                Map.of("auth", Map.of("token", Map.of("previous-public-keys", Map.of("im-key-1", oldPublicKey))))));
        try {
            platform.auth.stop();
            platform.auth.start(Map.of(
                    "IM_AUTH_JWT_PRIVATE_KEY",
                    pem("PRIVATE KEY", next.getPrivate().getEncoded()),
                    "IM_AUTH_JWT_KEY_ID",
                    "im-key-2",
                    "SPRING_APPLICATION_JSON",
                    previousKeys));
            platform.auth.awaitReady(Duration.ofMinutes(2));
            var jwks = api.get("/api/auth/.well-known/jwks.json", null).json().get("keys");
            assertThat(jwks.findValuesAsString("kid")).containsExactlyInAnyOrder("im-key-2", "im-key-1");

            var after = Accounts.login(api, friend.username(), Accounts.PASSWORD, "new-key-device");
            assertThat(kid(after.accessToken())).isEqualTo("im-key-2");
            assertThat(kid(before.accessToken())).isEqualTo("im-key-1");
            for (var token : List.of(after.accessToken(), before.accessToken())) {
                for (String path :
                        List.of("/api/users/me", "/api/friends", "/api/conversations", "/api/auth/sessions")) {
                    assertThat(api.get(path, token).status())
                            .as("%s with key %s", path, kid(token))
                            .isEqualTo(200);
                }
                try (var ws = WsClient.connect(platform, token)) {
                    awaitOnline(ws);
                }
            }
        } finally {
            platform.auth.stop();
            platform.auth.start();
            platform.auth.awaitReady(Duration.ofMinutes(2));
        }
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        return ApiClient.JSON.readTree(header).get("kid").asString();
    }

    private static java.security.PublicKey publicOf(String privatePem) throws Exception {
        String base64 = privatePem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        var key = (RSAPrivateCrtKey)
                rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
