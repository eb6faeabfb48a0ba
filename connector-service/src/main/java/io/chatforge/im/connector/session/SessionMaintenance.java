package io.chatforge.im.connector.session;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.connector.presence.PresencePublisher;
import io.chatforge.im.connector.route.RouteRegistry;
import io.chatforge.im.connector.route.RoutedDevice;
import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.ErrorFrame;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heartbeats and expiries: closes silent connections and those whose access token expired
 * unrenewed, and keeps the routes of live ones from expiring (checking their sessions' revocation
 * marks on the way, in case an announcement was missed).
 */
@Component
class SessionMaintenance {
    private static final Logger log = LoggerFactory.getLogger(SessionMaintenance.class);

    private final SessionRegistry sessions;
    private final RouteRegistry routes;
    private final SessionRevocationListener revocations;
    private final PresencePublisher presence;
    private final ConnectorProperties properties;
    private final String tokenExpired;

    SessionMaintenance(
            SessionRegistry sessions,
            RouteRegistry routes,
            SessionRevocationListener revocations,
            PresencePublisher presence,
            ConnectorProperties properties,
            JsonMapper json) {
        this.sessions = sessions;
        this.routes = routes;
        this.revocations = revocations;
        this.presence = presence;
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
        long now = System.currentTimeMillis();
        for (ClientSession session : sessions.all()) {
            if (!session.isClosed() && session.tokenExpired(now)) {
                session.sendAndClose(tokenExpired, CloseCodes.TOKEN_EXPIRED);
            }
        }
    }

    /**
     * A connection that closed while the refresh ran may have had its route and online flag written
     * back after it removed them (the refresh also restores routes lost to a Redis flush): remove
     * them again, or the user stays "online" with a dead route until the TTL ends.
     */
    private void forgetClosedDuringRefresh(List<ClientSession> refreshed) {
        for (ClientSession session : refreshed) {
            if (session.isClosed() && sessions.find(session.userId(), session.deviceId()) == null) {
                routes.unregister(session.userId(), session.deviceId())
                        .filter(liveDevices -> liveDevices == 0)
                        .subscribe(
                                none -> presence.maybeOffline(session.userId()),
                                e -> log.warn("route cleanup: {}", e.toString()));
            }
        }
    }

    // refresh well within the route TTL (90 s by default)
    @Scheduled(fixedRateString = "${im.connector.route-refresh-interval:PT30S}")
    void refreshRoutes() {
        List<ClientSession> open = sessions.all();
        routes.refresh(open.stream()
                .filter(s -> !s.isClosed())
                .map(s -> new RoutedDevice(s.userId(), s.deviceId()))
                .toList());
        forgetClosedDuringRefresh(open);
        try {
            int revoked = revocations.closeMarkedRevoked(open).size();
            if (revoked > 0) {
                log.info("closed {} connections of sessions revoked while their announcement was missed", revoked);
            }
        } catch (RuntimeException e) {
            log.warn("revocation sweep failed: {}", e.toString());
        }
    }
}
