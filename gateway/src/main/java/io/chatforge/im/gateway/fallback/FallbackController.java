package io.chatforge.im.gateway.fallback;

import io.chatforge.im.gateway.error.ProblemJson;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when its service is down, slow or open-circuited:
 * 503 problem+json for any method, so clients back off and retry instead of parsing an HTML page.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        return ProblemJson.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "service_unavailable",
                service + " is unavailable right now; try again shortly",
                Duration.ofSeconds(2));
    }
}
