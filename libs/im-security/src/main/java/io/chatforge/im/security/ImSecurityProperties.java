package io.chatforge.im.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token verification settings shared by every service.
 *
 * @param jwt where the signing keys come from and what a valid token looks like
 * @param internalToken shared secret for {@code /internal/**} calls between services
 * @param publicPaths extra paths (Ant patterns) a service serves without a token
 */
@ConfigurationProperties("im.security")
public record ImSecurityProperties(
        Jwt jwt, String internalToken, @DefaultValue List<String> publicPaths) {

    /**
     * @param jwksRefresh how often the public keys are fetched again (a rotation reaches every
     *     verifier within this)
     * @param jwksMinRefetch a token with an unknown key id fetches them at once, but at most this often
     */
    public record Jwt(
            String jwkSetUri,
            @DefaultValue("chatforge-im") String issuer,
            @DefaultValue("30s") Duration clockSkew,
            @DefaultValue("5m") Duration jwksRefresh,
            @DefaultValue("30s") Duration jwksMinRefetch) {}
}
