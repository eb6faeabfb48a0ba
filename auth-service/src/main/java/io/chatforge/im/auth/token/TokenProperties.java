package io.chatforge.im.auth.token;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access and refresh token settings.
 *
 * @param issuer the {@code iss} of every access token; services check it
 * @param accessTtl lifetime of an access token
 * @param refreshTtl lifetime of a refresh token (each refresh issues a new one)
 * @param keyId the {@code kid} of the signing key
 * @param privateKey the RSA signing key, PKCS#8 PEM (IM_AUTH_JWT_PRIVATE_KEY); required outside dev
 * @param previousPublicKeys public keys (X.509 PEM) by kid, still published in the JWKS while tokens
 *     signed with them may be in flight after a key rotation
 * @param generateDevKey dev profile only: generate a key pair when none is configured
 * @param devKeyFile dev profile only: keep the generated key here so tokens survive restarts
 */
@ConfigurationProperties("im.auth.token")
public record TokenProperties(
        @DefaultValue("chatforge-im") String issuer,
        @DefaultValue("15m") Duration accessTtl,
        @DefaultValue("30d") Duration refreshTtl,
        @DefaultValue("im-key-1") String keyId,
        String privateKey,
        @DefaultValue Map<String, String> previousPublicKeys,
        @DefaultValue("false") boolean generateDevKey,
        String devKeyFile) {}
