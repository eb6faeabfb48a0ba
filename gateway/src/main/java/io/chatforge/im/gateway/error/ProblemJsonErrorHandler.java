package io.chatforge.im.gateway.error;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors the gateway raises itself (no route, downstream unreachable, timeouts) leave as
 * problem+json, never as a stack trace or Boot's default error map.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler
class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            String code =
                    status == HttpStatus.NOT_FOUND ? "not_found" : status.name().toLowerCase();
            String detail = status == HttpStatus.NOT_FOUND ? "no such endpoint" : status.getReasonPhrase();
            if (status == HttpStatus.GATEWAY_TIMEOUT) {
                detail = "the service did not answer in time";
            }
            return ProblemJson.write(exchange, status, code, detail);
        }
        if (error instanceof ConnectException || error instanceof TimeoutException) {
            return ProblemJson.write(
                    exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "the service is unavailable");
        }
        log.error("unexpected gateway error on {}", exchange.getRequest().getPath(), error);
        return ProblemJson.write(
                exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "unexpected gateway error");
    }
}
