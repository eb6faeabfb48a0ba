package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.session.GracefulDrain;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** While draining, new handshakes get 503 so the gateway's load balancer tries another pod. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DrainingFilter implements WebFilter {
    private final GracefulDrain drain;

    DrainingFilter(GracefulDrain drain) {
        this.drain = drain;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (drain.isDraining() && exchange.getRequest().getPath().value().equals("/ws")) {
            exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }
}
