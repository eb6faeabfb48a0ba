package io.chatforge.im.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** A request over its budget is answered 429 by the gateway and never forwarded. */
class RateLimitFilterTest {
    private static final RateLimitProperties.Limit ONE = new RateLimitProperties.Limit(1, Duration.ofMinutes(1));

    /** Allows the first request of each bucket and id, then asks to wait. */
    private static final class CountingLimiter extends FixedWindowLimiter {
        final List<String> hits = new ArrayList<>();

        CountingLimiter() {
            super(null);
        }

        @Override
        Mono<Duration> hit(String bucket, String id, RateLimitProperties.Limit limit) {
            String key = bucket + ":" + id;
            boolean seen = hits.contains(key);
            hits.add(key);
            return seen ? Mono.just(Duration.ofSeconds(30)) : Mono.empty();
        }
    }

    private final CountingLimiter limiter = new CountingLimiter();
    private final RateLimitProperties limits = new RateLimitProperties(ONE, ONE, ONE, ONE, ONE, ONE, ONE, 0);
    private final RateLimitFilter filter = new RateLimitFilter(limiter, new ClientAddresses(limits), limits);
    private final AtomicInteger forwarded = new AtomicInteger();
    private final GatewayFilterChain chain = exchange -> {
        forwarded.incrementAndGet();
        return Mono.empty();
    };

    @Test
    void anAnonymousRequestOverItsBudget_is429_andNotForwarded() {
        var first = MockServerWebExchange.from(MockServerHttpRequest.get("/api/users/search"));
        var second = MockServerWebExchange.from(MockServerHttpRequest.get("/api/users/search"));

        filter.filter(first, chain).block();
        filter.filter(second, chain).block();

        assertThat(forwarded).hasValue(1);
        assertThat(second.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(second.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("30");
    }

    @Test
    void aRegistrationOverItsUsernameBudget_is429_andNotForwarded() {
        filter.filter(register("alice", "10.0.0.1"), chain).block();
        var again = register("ALICE", "10.0.0.2"); // another address, the same canonical name

        filter.filter(again, chain).block();

        assertThat(forwarded).hasValue(1);
        assertThat(again.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aSignedInUser_isCountedAsThemselves_notByAddress() {
        filter.filter(as("10001", "10.0.0.1"), chain).block();
        filter.filter(as("10002", "10.0.0.1"), chain).block(); // same address, another user

        assertThat(forwarded).hasValue(2);
        assertThat(limiter.hits).containsExactly("user:10001", "user:10002");
    }

    @Test
    void webSocketHandshakes_areCountedPerAddress() {
        filter.filter(
                        MockServerWebExchange.from(MockServerHttpRequest.get(RateLimitFilter.WEBSOCKET)
                                .remoteAddress(new java.net.InetSocketAddress("10.0.0.9", 1))),
                        chain)
                .block();

        assertThat(limiter.hits).containsExactly("ws-ip:10.0.0.9");
    }

    @Test
    void aForwardedForHeader_isNotBelieved_whenNoProxyIsTrusted() {
        var spoofed = MockServerWebExchange.from(MockServerHttpRequest.get("/api/users/search")
                .remoteAddress(new java.net.InetSocketAddress("10.0.0.7", 1))
                .header("X-Forwarded-For", "1.2.3.4"));

        filter.filter(spoofed, chain).block();

        assertThat(limiter.hits).containsExactly("anon-ip:10.0.0.7");
    }

    @Test
    void aLogin_isCountedPerAddressAndPerCanonicalUsername() {
        filter.filter(
                        MockServerWebExchange.from(MockServerHttpRequest.post(RateLimitFilter.LOGIN)
                                .remoteAddress(new java.net.InetSocketAddress("10.0.0.3", 1))
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("{\"username\":\"Bob\",\"password\":\"x\"}")),
                        chain)
                .block();

        assertThat(limiter.hits).containsExactly("login-ip:10.0.0.3", "login-user:bob");
    }

    private static org.springframework.web.server.ServerWebExchange as(String userId, String address) {
        var exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/friends").remoteAddress(new java.net.InetSocketAddress(address, 1)));
        return exchange.mutate()
                .principal(Mono.just(
                        new org.springframework.security.authentication.TestingAuthenticationToken(userId, null)))
                .build();
    }

    private static MockServerWebExchange register(String username, String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(RateLimitFilter.REGISTER)
                .remoteAddress(new java.net.InetSocketAddress(address, 40000))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"correct horse battery\"}"));
    }
}
