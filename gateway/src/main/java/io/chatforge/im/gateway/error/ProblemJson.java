package io.chatforge.im.gateway.error;

import io.chatforge.im.security.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes an RFC 9457 problem+json answer from anywhere in the gateway (filters, handlers). */
public final class ProblemJson {
    private static final MediaType PROBLEM_JSON = MediaType.parseMediaType(ProblemResponses.CONTENT_TYPE);

    private ProblemJson() {}

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        return write(exchange, status, code, detail, null);
    }

    public static Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String code, String detail, Duration retryAfter) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        if (retryAfter != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        String body = ProblemResponses.body(
                status.value(),
                status.getReasonPhrase(),
                code,
                detail,
                exchange.getRequest().getPath().value());
        var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
