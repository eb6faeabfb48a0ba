package io.chatforge.im.gateway.websocket;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * When the relay to a connector fails (the connector died mid-handshake or was killed, so its
 * connection reset without a close frame), the client's connection is closed with 1011 at once.
 * Spring Cloud Gateway's relay only passes close frames on: after a reset it dropped the error and
 * left the client's socket open and silent until the client's own ping or sync timed out (11.5 s in
 * the fault suite, 15 s for the SDK's defaults).
 */
final class RelayFailureClose implements WebSocketService {
    private static final Logger log = LoggerFactory.getLogger(RelayFailureClose.class);
    static final CloseStatus CONNECTOR_LOST = new CloseStatus(1011, "connector connection lost: reconnect");

    private final WebSocketService delegate;

    RelayFailureClose(WebSocketService delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        return delegate.handleRequest(exchange, closingOnError(handler));
    }

    static WebSocketHandler closingOnError(WebSocketHandler relay) {
        return new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return relay.getSubProtocols();
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return relay.handle(session).onErrorResume(e -> {
                    log.debug("relay of {} failed: {}", session.getId(), e.toString());
                    return session.isOpen() ? session.close(CONNECTOR_LOST) : Mono.empty();
                });
            }
        };
    }
}
