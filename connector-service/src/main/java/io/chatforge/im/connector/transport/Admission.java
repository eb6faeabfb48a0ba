package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.delivery.DirectDeliveries;
import io.chatforge.im.connector.presence.PresencePublisher;
import io.chatforge.im.connector.route.NodeIdentity;
import io.chatforge.im.connector.route.RouteRegistry;
import io.chatforge.im.connector.session.ClientSession;
import io.chatforge.im.connector.session.CloseCodes;
import io.chatforge.im.connector.session.SessionRegistry;
import io.chatforge.im.connector.session.SessionRevocationListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Lets a registered device in: it replaces the same device's older connection here (kicked) or
 * on another connector (told over its slot), announces the user online when it is their first
 * device, and closes it again if its session was revoked while it registered.
 */
@Component
class Admission {
    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final SessionRegistry sessions;
    private final DirectDeliveries direct;
    private final PresencePublisher presence;
    private final Frames codec;
    private final NodeIdentity node;
    private final SessionRevocationListener revocations;

    Admission(
            SessionRegistry sessions,
            DirectDeliveries direct,
            PresencePublisher presence,
            Frames codec,
            NodeIdentity node,
            SessionRevocationListener revocations) {
        this.sessions = sessions;
        this.direct = direct;
        this.presence = presence;
        this.codec = codec;
        this.node = node;
        this.revocations = revocations;
    }

    void admit(ClientSession session, RouteRegistry.Registration registration) {
        ClientSession replaced = sessions.register(session);
        if (replaced != null) {
            replaced.sendAndClose(codec.kicked(), CloseCodes.REPLACED);
        }
        var previous = registration.previous();
        boolean kickElsewhere = previous != null && !previous.node().equals(node.id());
        // Kafka sends and the blocking Redis client: never on the network threads that run this
        Schedulers.boundedElastic().schedule(() -> {
            if (kickElsewhere) {
                direct.kick(previous.slot(), session.userId(), session.deviceId(), session.id(), codec.kicked());
            }
            if (registration.firstOnline()) {
                presence.online(session.userId());
            }
            closeIfRevokedMeanwhile(session);
        });
    }

    /** A revocation announced between the handshake's check and the registration was not seen. */
    private void closeIfRevokedMeanwhile(ClientSession session) {
        try {
            revocations.closeMarkedRevoked(List.of(session));
        } catch (RuntimeException e) {
            log.warn("revocation check of a new connection failed: {}", e.toString());
        }
    }
}
