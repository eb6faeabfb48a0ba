package io.chatforge.im.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwkSetUri auth-service's JWKS, fetched again every {@code jwksRefresh} and for an unknown kid
 *     at most every {@code jwksMinRefetch}
 * @param issuer expected {@code iss} of access tokens
 * @param clockSkew tolerance on exp/iat
 * @param publicPaths paths served without a token (login, registration, refresh, keys)
 */
@ConfigurationProperties("im.gateway.security")
public record GatewaySecurityProperties(
        String jwkSetUri,
        @DefaultValue("chatforge-im") String issuer,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("5m") Duration jwksRefresh,
        @DefaultValue("30s") Duration jwksMinRefetch,

        @DefaultValue({"/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/.well-known/jwks.json"})
        List<String> publicPaths) {}
