package io.chatforge.im.gateway.websocket;

import io.chatforge.im.contracts.frame.FrameBudget;
import io.chatforge.im.security.reactive.EventLoopHandshake;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The gateway upgrades clients' WebSockets on their own event loop ({@link EventLoopHandshake}): the
 * token check before it ends on other threads, and a client's first frame sent right after the 101
 * was otherwise dropped now and then. Spring Cloud Gateway's relay takes this service.
 *
 * <p>Frame limits ({@link FrameBudget}): from a client, what the connector lets in too (a client
 * frame, bounded by {@code IM_MAX_FRAME_BYTES}); from the connector, {@code
 * spring.cloud.gateway.server.webflux.httpclient.websocket.max-frame-payload-length}, set to
 * {@link FrameBudget#RELAYED_FRAME_BYTES} in application.yml (a test holds them equal). A relay
 * that fails closes the client's connection ({@link RelayFailureClose}).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketUpgrade {

    @Bean
    @Primary
    WebSocketService eventLoopWebSocketService(@Value("${im.gateway.max-client-frame-bytes}") int clientFrameLimit) {
        int inbound = FrameBudget.inboundLimit(clientFrameLimit);
        // a fresh spec per handshake: the strategy sets the negotiated subprotocol on the builder
        return new RelayFailureClose(
                new EventLoopHandshake(new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                        // handlePing(true): protocol pings go on to the connector, as Spring Cloud Gateway's own
                        // strategy does
                        () -> WebsocketServerSpec.builder()
                                .maxFramePayloadLength(inbound)
                                .handlePing(true)))));
    }
}
