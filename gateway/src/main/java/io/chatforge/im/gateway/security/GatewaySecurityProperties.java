package io.chatforge.im.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwkSetUri auth-service's JWKS, fetched once and cached (refetched for an unknown kid)
 * @param issuer expected {@code iss} of access tokens
 * @param clockSkew tolerance on exp/iat
 * @param publicPaths paths served without a token (login, registration, refresh, keys)
 */
@ConfigurationProperties("im.gateway.security")
public record GatewaySecurityProperties(
        String jwkSetUri,
        @DefaultValue("chatforge-im") String issuer,
        @DefaultValue("30s") Duration clockSkew,

        @DefaultValue({"/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/.well-known/jwks.json"})
        List<String> publicPaths) {}
