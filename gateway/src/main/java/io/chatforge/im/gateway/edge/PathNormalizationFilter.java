package io.chatforge.im.gateway.edge;

import io.chatforge.im.gateway.error.ProblemJson;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First of all filters: rewrites the request to its canonical path ({@link CanonicalPaths}), so
 * that {@code /api/auth/%6Cogin}, {@code //api/auth/login} and {@code /api/auth/login/} are the same
 * request to the security rules, the rate limits, the routes and the service behind them; refuses
 * the ambiguous ones with 400 {@code malformed_path}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PathNormalizationFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        String canonical;
        try {
            canonical = CanonicalPaths.canonical(raw);
        } catch (CanonicalPaths.MalformedPath e) {
            return ProblemJson.write(exchange, HttpStatus.BAD_REQUEST, "malformed_path", e.getMessage());
        }
        if (canonical.equals(raw)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(r -> r.path(canonical)).build());
    }
}
