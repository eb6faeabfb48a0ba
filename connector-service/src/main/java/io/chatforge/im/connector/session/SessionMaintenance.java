package io.chatforge.im.connector.session;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.ErrorFrame;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heartbeats and expiries: closes silent connections and those whose access token expired
 * unrenewed. Routes are kept by {@link RouteUpkeep}.
 */
@Component
class SessionMaintenance {
    private final SessionRegistry sessions;
    private final ConnectorProperties properties;
    private final String tokenExpired;

    SessionMaintenance(SessionRegistry sessions, ConnectorProperties properties, JsonMapper json) {
        this.sessions = sessions;
        this.properties = properties;
        this.tokenExpired = json.writeValueAsString(
                new ErrorFrame(ErrorCodes.TOKEN_EXPIRED, "the access token expired: refresh it and reconnect", null));
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

    /** Every second, so a connection outlives its token by at most that. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void closeExpiredSessions() {
        for (ClientSession session : sessions.tokenExpired(System.currentTimeMillis())) {
            session.sendAndClose(tokenExpired, CloseCodes.TOKEN_EXPIRED);
        }
    }
}
