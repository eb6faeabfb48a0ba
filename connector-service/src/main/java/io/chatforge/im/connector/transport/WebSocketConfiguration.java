package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.contracts.frame.FrameBudget;
import io.chatforge.im.security.reactive.EventLoopHandshake;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * {@code /ws} on Reactor Netty: non-blocking, no thread per connection. Protocol-level pings are
 * answered by Netty itself (clients may also send the JSON {@code ping} frame). Netty refuses frames
 * far beyond the protocol limit outright; frames above {@code im.connector.max-frame-bytes} but
 * below that get an error frame and the session stays open.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    @Bean
    HandlerMapping webSocketMapping(ConnectionHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/ws", handler), -1);
    }

    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter(ConnectorProperties properties) {
        if (!FrameBudget.relayable(properties.maxFrameBytes())) {
            throw new IllegalStateException("IM_MAX_FRAME_BYTES " + properties.maxFrameBytes()
                    + " is too large: a sync page of one such message would exceed the frame every hop relays ("
                    + FrameBudget.RELAYED_FRAME_BYTES + " bytes)");
        }
        int maxFrame = FrameBudget.inboundLimit(properties.maxFrameBytes());
        // a fresh builder per handshake: the upgrade strategy sets the negotiated subprotocol on
        // it, and a shared one would impose that protocol on every later connection
        return new WebSocketHandlerAdapter(new EventLoopHandshake(
                new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(() -> WebsocketServerSpec.builder()
                        .maxFramePayloadLength(maxFrame)
                        .handlePing(false)))));
    }
}
