package io.chatforge.im.security.reactive;

import io.netty.channel.EventLoop;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Performs the WebSocket upgrade on the connection's own Netty event loop. The token check before
 * it completes on other threads (Redis, the JWKS cache), and an upgrade run from there raced the
 * connection's reads: a frame the client sent right after the 101 reached the HTTP request's
 * already finished inbound and was dropped ("dropping frame"): 5-7 % of first frames relayed by the
 * gateway. On the event loop the upgrade completes before the next read is processed. Both the
 * gateway (clients) and the connector (the gateway's relay) upgrade this way.
 */
public final class EventLoopHandshake implements WebSocketService {
    private final WebSocketService delegate;

    public EventLoopHandshake(WebSocketService delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (nativeRequest instanceof Connection connection) {
            EventLoop loop = connection.channel().eventLoop();
            if (!loop.inEventLoop()) {
                return Mono.defer(() -> delegate.handleRequest(exchange, handler))
                        .subscribeOn(Schedulers.fromExecutor(loop));
            }
        }
        return delegate.handleRequest(exchange, handler);
    }
}
