package io.chatforge.im.gateway.websocket;

import io.chatforge.im.security.reactive.EventLoopHandshake;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;

/**
 * The gateway upgrades clients' WebSockets on their own event loop ({@link EventLoopHandshake}): the
 * token check before it ends on other threads, and a client's first frame sent right after the 101
 * was otherwise dropped now and then. Spring Cloud Gateway's relay takes this service.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketUpgrade {

    @Bean
    @Primary
    WebSocketService eventLoopWebSocketService(RequestUpgradeStrategy upgradeStrategy) {
        return new EventLoopHandshake(new HandshakeWebSocketService(upgradeStrategy));
    }
}
