package io.chatforge.im.gateway.security;

import io.chatforge.im.security.JwksCache;
import io.chatforge.im.security.reactive.HandshakeTokenConverter;
import io.chatforge.im.security.reactive.ReactiveAccessTokenDecoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The edge check: every {@code /api/**} request needs a valid, unrevoked access token except the
 * few public auth endpoints. Services verify the token again themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data: https:;"
            + " style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties, ReactiveStringRedisTemplate redis) {
        return new ReactiveAccessTokenDecoder(
                JwksCache.remote(properties.jwkSetUri(), properties.jwksRefresh(), properties.jwksMinRefetch()),
                properties.issuer(),
                properties.clockSkew(),
                redis);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, GatewaySecurityProperties properties, ReactiveJwtDecoder jwtDecoder) {
        var handlers = new ProblemJsonAuthHandlers();
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(Customizer.withDefaults())
                // the web client loads nothing but its own files; avatars may come from anywhere
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeExchange(auth -> auth.pathMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .pathMatchers(properties.publicPaths().toArray(String[]::new))
                        .permitAll()
                        .pathMatchers("/internal/**", "/fallback/**")
                        .denyAll()
                        .pathMatchers("/api/**", "/ws")
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                // WebSocket handshakes carry the token in the query or as a subprotocol: checked
                // here, before the connection is upgraded, and again by the connector
                .oauth2ResourceServer(oauth -> oauth.bearerTokenConverter(new HandshakeTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .build();
    }
}
