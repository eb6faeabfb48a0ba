package io.chatforge.im.connector.transport;

import io.chatforge.im.security.JwksCache;
import io.chatforge.im.security.ProblemResponses;
import io.chatforge.im.security.reactive.HandshakeTokenConverter;
import io.chatforge.im.security.reactive.ReactiveAccessTokenDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import reactor.core.publisher.Mono;

/** The handshake of {@code /ws} needs a valid, unrevoked access token; nothing else is served. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class HandshakeSecurityConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(
            @Value("${im.security.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${im.security.jwt.issuer:chatforge-im}") String issuer,
            @Value("${im.security.jwt.clock-skew:30s}") Duration clockSkew,
            @Value("${im.security.jwt.jwks-refresh:5m}") Duration jwksRefresh,
            @Value("${im.security.jwt.jwks-min-refetch:30s}") Duration jwksMinRefetch,
            ReactiveStringRedisTemplate redis) {
        return new ReactiveAccessTokenDecoder(
                JwksCache.remote(jwkSetUri, jwksRefresh, jwksMinRefetch), issuer, clockSkew, redis);
    }

    @Bean
    SecurityWebFilterChain handshakeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        ServerAuthenticationEntryPoint refuse = (exchange, ex) -> {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentType(MediaType.parseMediaType(ProblemResponses.CONTENT_TYPE));
            String body = ProblemResponses.body(
                    401,
                    "Unauthorized",
                    "invalid_token",
                    "the WebSocket handshake needs a valid access token (?token=... or Sec-WebSocket-Protocol)",
                    exchange.getRequest().getPath().value());
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
        };
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(auth -> auth.pathMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .pathMatchers("/ws")
                        .authenticated()
                        .anyExchange()
                        .denyAll())
                .oauth2ResourceServer(oauth -> oauth.bearerTokenConverter(new HandshakeTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .authenticationEntryPoint(refuse))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(refuse))
                .build();
    }
}
