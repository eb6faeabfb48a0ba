package io.chatforge.im.gateway.ratelimit;

import io.chatforge.im.contracts.user.Usernames;
import io.chatforge.im.gateway.error.ProblemJson;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
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
 * tighter login and registration budgets, each per address and per canonical username
 * ({@link Usernames}: "ALICE", " alice" and "ａｌｉｃｅ" share one). Paths are canonical by now
 * ({@code PathNormalizationFilter}) and bodies within their limit ({@code BodyLimitFilter}), so a
 * budget cannot be walked around by spelling the path or padding the body. Over budget: 429
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
            return perAddressThenUsername(exchange, chain, "login", limits.loginPerIp(), limits.loginPerUsername());
        }
        if (post && REGISTER.equals(path)) {
            return perAddressThenUsername(
                    exchange, chain, "register", limits.registerPerIp(), limits.registerPerUsername());
        }
        if (WEBSOCKET.equals(path)) {
            return limited(limiter.hit("ws-ip", addresses.of(exchange), limits.websocketPerIp()), exchange, chain);
        }
        Mono<Duration> general = exchange.getPrincipal()
                .map(Principal::getName)
                .map(user -> limiter.hit("user", user, limits.perUser()))
                .defaultIfEmpty(
                        Mono.defer(() -> limiter.hit("anon-ip", addresses.of(exchange), limits.perAnonymousIp())))
                .flatMap(check -> check);
        return limited(general, exchange, chain);
    }

    /** Login and registration: per address first, then per username read from the (cached, replayed) body. */
    private Mono<Void> perAddressThenUsername(
            ServerWebExchange exchange,
            GatewayFilterChain chain,
            String bucket,
            RateLimitProperties.Limit perAddress,
            RateLimitProperties.Limit perUsername) {
        return limiter.hit(bucket + "-ip", addresses.of(exchange), perAddress)
                .flatMap(wait -> reject(exchange, wait).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange, request -> {
                            ServerWebExchange cached =
                                    exchange.mutate().request(request).build();
                            String username =
                                    username(cached.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR));
                            Mono<Duration> check = username == null
                                    ? Mono.empty() // auth-service answers 400
                                    : limiter.hit(bucket + "-user", username, perUsername);
                            return limited(check, cached, chain);
                        })
                        .thenReturn(true)))
                .then();
    }

    /**
     * Over budget: the 429 and nothing else. (A written response completes empty, so it must not be
     * followed by switchIfEmpty: that forwarded every throttled request anyway.)
     */
    private Mono<Void> limited(Mono<Duration> check, ServerWebExchange exchange, GatewayFilterChain chain) {
        return check.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(wait -> wait.isPresent() ? reject(exchange, wait.get()) : chain.filter(exchange));
    }

    private static Mono<Void> reject(ServerWebExchange exchange, Duration wait) {
        return ProblemJson.write(
                exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "too many requests; slow down", wait);
    }

    /** The canonical username of a login or registration body (at most a few KiB: BodyLimitFilter). */
    private static String username(DataBuffer body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body.toString(0, body.readableByteCount(), StandardCharsets.UTF_8));
            JsonNode username = node.get("username");
            return username != null && username.isString() ? Usernames.canonical(username.asString()) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // after IdentityRelayFilter
    }
}
