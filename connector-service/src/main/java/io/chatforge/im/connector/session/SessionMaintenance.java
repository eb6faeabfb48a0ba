package io.chatforge.im.connector.session;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.connector.route.RouteRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;

/** Heartbeats: closes silent connections and keeps the routes of live ones from expiring. */
@Component
class SessionMaintenance {
    private final SessionRegistry sessions;
    private final RouteRegistry routes;
    private final ConnectorProperties properties;

    SessionMaintenance(SessionRegistry sessions, RouteRegistry routes, ConnectorProperties properties) {
        this.sessions = sessions;
        this.routes = routes;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 5000)
    void closeIdleSessions() {
        long now = System.nanoTime();
        long limit = properties.idleTimeout().toNanos();
        for (ClientSession session : sessions.all()) {
            if (session.idleNanos(now) > limit) {
                session.close(CloseStatus.GOING_AWAY.withReason("idle: no frame within the heartbeat timeout"));
            }
        }
    }

    // refresh well within the route TTL (90 s by default)
    @Scheduled(fixedRateString = "${im.connector.route-refresh-interval:PT30S}")
    void refreshRoutes() {
        routes.refresh(sessions.all());
    }
}
