package io.chatforge.im.connector.session;

import io.chatforge.im.connector.presence.PresencePublisher;
import io.chatforge.im.connector.route.RouteRegistry;
import io.chatforge.im.connector.route.RoutedDevice;
import io.chatforge.im.connector.route.SlotLease;
import io.chatforge.im.contracts.frame.EventFrame;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the routes of live connections from expiring (checking their sessions' revocation marks on
 * the way, in case an announcement was missed). A device whose route was gone missed its pushes
 * meanwhile: the route is written again and the device told to sync ({@code event resync}). Every
 * second the node checks its marker in Redis, so a flush is repaired within about a second, not at
 * the next refresh.
 */
@Component
class RouteUpkeep {
    private static final Logger log = LoggerFactory.getLogger(RouteUpkeep.class);

    private final SessionRegistry sessions;
    private final RouteRegistry routes;
    private final SlotLease slots;
    private final SessionRevocationListener revocations;
    private final PresencePublisher presence;
    private final String resync;

    RouteUpkeep(
            SessionRegistry sessions,
            RouteRegistry routes,
            SlotLease slots,
            SessionRevocationListener revocations,
            PresencePublisher presence,
            JsonMapper json) {
        this.sessions = sessions;
        this.routes = routes;
        this.slots = slots;
        this.revocations = revocations;
        this.presence = presence;
        this.resync = json.writeValueAsString(new EventFrame(EventFrame.RESYNC, Map.of("reason", "route_lost")));
    }

    /** Redis lost this node's writes (flushed, restarted): lease the slot and write every route again now. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void repairAfterRedisLoss() {
        try {
            if (routes.markerLost()) {
                log.warn("Redis lost this node's routes (flushed or restarted): writing them again");
                slots.renew();
                refreshRoutes();
            }
        } catch (RuntimeException e) {
            log.warn("route marker check failed: {}", e.toString());
        }
    }

    // refresh well within the route TTL (90 s by default)
    @Scheduled(fixedRateString = "${im.connector.route-refresh-interval:PT30S}")
    void refreshRoutes() {
        List<ClientSession> open = sessions.all();
        List<RoutedDevice> lost = routes.refresh(open.stream()
                .filter(s -> !s.isClosed())
                .map(s -> new RoutedDevice(s.userId(), s.deviceId()))
                .toList());
        tellToSync(lost);
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

    private void tellToSync(List<RoutedDevice> lost) {
        for (RoutedDevice device : lost) {
            ClientSession session = sessions.find(device.userId(), device.deviceId());
            if (session != null) {
                session.send(resync);
            }
        }
        if (!lost.isEmpty()) {
            log.info("{} routes were gone and are written again; their devices were told to sync", lost.size());
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
}
