package io.chatforge.im.gateway.ratelimit;

import io.chatforge.im.gateway.error.ProblemJson;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the request budgets: per user for authenticated calls, per address otherwise, and the
 * tighter login (per address and per username) and registration budgets. Over budget: 429
 * problem+json with Retry-After.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {
    static final String LOGIN = "/api/auth/login";
    static final String REGISTER = "/api/auth/register";
    static final String WEBSOCKET = "/ws";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FixedWindowLimiter limiter;
    private final ClientAddresses addresses;
    private final RateLimitProperties limits;

    RateLimitFilter(FixedWindowLimiter limiter, ClientAddresses addresses, RateLimitProperties limits) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean post = HttpMethod.POST.equals(exchange.getRequest().getMethod());
        if (post && LOGIN.equals(path)) {
            return login(exchange, chain);
        }
        if (WEBSOCKET.equals(path)) {
            return limited(limiter.hit("ws-ip", addresses.of(exchange), limits.websocketPerIp()), exchange, chain);
        }
        if (post && REGISTER.equals(path)) {
            return limited(limiter.hit("register-ip", addresses.of(exchange), limits.registerPerIp()), exchange, chain);
        }
        Mono<Duration> general = exchange.getPrincipal()
                .map(Principal::getName)
                .map(user -> limiter.hit("user", user, limits.perUser()))
                .defaultIfEmpty(
                        Mono.defer(() -> limiter.hit("anon-ip", addresses.of(exchange), limits.perAnonymousIp())))
                .flatMap(check -> check);
        return limited(general, exchange, chain);
    }

    /** Login: per address first, then per username read from the (cached, replayed) body. */
    private Mono<Void> login(ServerWebExchange exchange, GatewayFilterChain chain) {
        return limiter.hit("login-ip", addresses.of(exchange), limits.loginPerIp())
                .flatMap(wait -> reject(exchange, wait).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange, request -> {
                            ServerWebExchange cached =
                                    exchange.mutate().request(request).build();
                            String username =
                                    username(cached.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR));
                            Mono<Duration> perUsername = username == null
                                    ? Mono.empty() // auth-service answers 400
                                    : limiter.hit("login-user", username, limits.loginPerUsername());
                            return limited(perUsername, cached, chain);
                        })
                        .thenReturn(true)))
                .then();
    }

    private Mono<Void> limited(Mono<Duration> check, ServerWebExchange exchange, GatewayFilterChain chain) {
        return check.flatMap(wait -> reject(exchange, wait)).switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
    }

    private static Mono<Void> reject(ServerWebExchange exchange, Duration wait) {
        return ProblemJson.write(
                exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "too many requests; slow down", wait);
    }

    private static String username(DataBuffer body) {
        if (body == null || body.readableByteCount() > 8192) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body.toString(0, body.readableByteCount(), StandardCharsets.UTF_8));
            JsonNode username = node.get("username");
            return username != null && username.isString() ? username.asString().toLowerCase(Locale.ROOT) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // after IdentityRelayFilter
    }
}
