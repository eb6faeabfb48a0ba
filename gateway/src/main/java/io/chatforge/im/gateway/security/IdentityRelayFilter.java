package io.chatforge.im.gateway.security;

import io.chatforge.im.security.AccessTokenClaims;
import io.chatforge.im.security.InternalCalls;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Passes the verified identity downstream as {@code X-User-Id}/{@code X-Device-Id} (for logs and
 * tracing; services still verify the token) and strips whatever a client sent under those names
 * or under the internal service token header.
 */
@Component
class IdentityRelayFilter implements GlobalFilter, Ordered {
    static final String USER_ID = "X-User-Id";
    static final String DEVICE_ID = "X-Device-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(auth -> relay(exchange, auth))
                .defaultIfEmpty(relay(exchange, null))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange relay(ServerWebExchange exchange, JwtAuthenticationToken auth) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.remove(USER_ID);
                    headers.remove(DEVICE_ID);
                    headers.remove(InternalCalls.TOKEN_HEADER);
                    if (auth != null) {
                        headers.set(USER_ID, auth.getToken().getSubject());
                        headers.set(DEVICE_ID, auth.getToken().getClaimAsString(AccessTokenClaims.DEVICE_ID));
                    }
                }))
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
