package io.chatforge.im.security.reactive;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Finds the access token of a WebSocket handshake: the {@code token} query parameter, or an entry
 * of {@code Sec-WebSocket-Protocol} (browsers cannot set headers on a WebSocket; they offer
 * {@code ["im.v1", "<token>"]} and the server answers {@code im.v1}), or a bearer header. Both
 * the gateway (before it upgrades the connection) and the connector check it.
 */
public final class HandshakeTokenConverter implements ServerAuthenticationConverter {
    public static final String PROTOCOL = "im.v1";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String token = request.getQueryParams().getFirst("token");
        if (token == null) {
            List<String> protocols = request.getHeaders().get("Sec-WebSocket-Protocol");
            if (protocols != null) {
                token = protocols.stream()
                        .flatMap(value -> List.of(value.split(",")).stream())
                        .map(String::trim)
                        .filter(p -> p.chars().filter(c -> c == '.').count() == 2)
                        .findFirst()
                        .orElse(null);
            }
        }
        if (token == null) {
            String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = header.substring(7).trim();
            }
        }
        return token == null || token.isBlank() ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
    }
}
