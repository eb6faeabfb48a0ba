package io.chatforge.im.gateway.edge;

import io.chatforge.im.gateway.error.ProblemJson;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body over its route's limit ({@link BodyLimits}) with 413 problem+json before
 * anything else sees it: by its Content-Length, or, for a chunked body, by reading at most the
 * limit first. Nothing downstream (rate limits, services) ever handles an oversize body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodyLimitFilter implements WebFilter {
    private final BodyLimits limits;

    BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limits.forPath(request.getPath().value());
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        boolean chunked = declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (!chunked) {
            return chain.filter(exchange); // the declared length (or none: no body) bounds it
        }
        // the chain runs exactly once: with the body read, or as it is when there was none (a
        // finished chain completes empty, so it must not be followed by switchIfEmpty)
        return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, limit))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange, limit)
                        .then(Mono.empty()))
                .flatMap(body -> chain.filter(body.map(read -> exchange.mutate()
                                .request(withBody(request, read))
                                .build())
                        .orElse(exchange)));
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.readableByteCount());
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return ProblemJson.write(
                exchange,
                HttpStatus.CONTENT_TOO_LARGE,
                "payload_too_large",
                "the request body may have at most " + limit + " bytes");
    }
}
