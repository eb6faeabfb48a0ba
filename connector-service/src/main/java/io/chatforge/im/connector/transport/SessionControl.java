package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.route.RouteRegistry;
import io.chatforge.im.connector.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a client changes about its live connection in band: a fresh access token ({@code auth}),
 * and whether its app is in the foreground ({@code state}): a device in the background gets push
 * notifications of new messages although it is connected.
 */
@Component
class SessionControl {
    private static final Logger log = LoggerFactory.getLogger(SessionControl.class);

    private final TokenRenewal renewal;
    private final RouteRegistry routes;

    SessionControl(TokenRenewal renewal, RouteRegistry routes) {
        this.renewal = renewal;
        this.routes = routes;
    }

    void renew(ClientSession session, String token, String ref) {
        renewal.renew(session, token, ref);
    }

    void foreground(ClientSession session, boolean foreground) {
        routes.background(session.userId(), session.deviceId(), !foreground)
                .subscribe(
                        changed -> {},
                        failed -> log.warn(
                                "cannot record device {} of user {} in the {}: {}",
                                session.deviceId(),
                                session.userId(),
                                foreground ? "foreground" : "background",
                                failed.toString()));
    }
}
