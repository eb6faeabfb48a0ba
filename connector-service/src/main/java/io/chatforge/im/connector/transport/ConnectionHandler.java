package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.presence.PresencePublisher;
import io.chatforge.im.connector.route.RouteRegistry;
import io.chatforge.im.connector.session.ClientSession;
import io.chatforge.im.connector.session.SessionRegistry;
import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.security.AccessTokenClaims;
import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.security.reactive.HandshakeTokenConverter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The life of one connection: register the device (refusing one too many, replacing an older
 * connection of the same device), pump frames both ways, and clean up routes and presence when
 * it ends, whoever ends it.
 */
@Component
class ConnectionHandler implements WebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    /** frames a client may send before its registration completes (a few ms); more are dropped */
    private static final int EARLY_FRAMES = 256;

    private final SessionRegistry sessions;
    private final RouteRegistry routes;
    private final PresencePublisher presence;
    private final Admission admission;
    private final ClientFrameHandler frames;
    private final Frames codec;

    ConnectionHandler(
            SessionRegistry sessions,
            RouteRegistry routes,
            PresencePublisher presence,
            Admission admission,
            ClientFrameHandler frames,
            Frames codec) {
        this.sessions = sessions;
        this.routes = routes;
        this.presence = presence;
        this.admission = admission;
        this.frames = frames;
        this.codec = codec;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(HandshakeTokenConverter.PROTOCOL);
    }

    @Override
    public Mono<Void> handle(WebSocketSession socket) {
        return socket.getHandshakeInfo()
                .getPrincipal()
                .cast(JwtAuthenticationToken.class)
                .flatMap(auth -> serve(socket, ImPrincipal.from(auth.getToken()), credentials(auth.getToken())))
                .switchIfEmpty(Mono.defer(() -> socket.close(CloseStatus.POLICY_VIOLATION)));
    }

    static ClientSession.Credentials credentials(Jwt token) {
        return new ClientSession.Credentials(
                token.getClaimAsString(AccessTokenClaims.SESSION_ID),
                token.getExpiresAt().toEpochMilli());
    }

    private Mono<Void> serve(WebSocketSession socket, ImPrincipal principal, ClientSession.Credentials credentials) {
        ClientSession session = sessions.open(principal.userId(), principal.deviceId(), credentials, socket);
        // read from the first moment: a frame that arrives while the device registers waits here, in
        // order (subscribing only once registered lost ~5 % of first frames relayed by the gateway)
        Sinks.Many<ClientFrame> early = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<ClientFrame>get(EARLY_FRAMES).get());
        Disposable reading = socket.receive()
                .map(ClientFrame::of)
                .subscribe(early::tryEmitNext, early::tryEmitError, early::tryEmitComplete);
        return routes.register(principal.userId(), principal.deviceId())
                .flatMap(registration -> {
                    if (!registration.registered()) {
                        // keep reading until closed: cancelling the inbound first stalls the refusal's send
                        String refusal = codec.error(
                                ErrorCodes.TOO_MANY_CONNECTIONS, "this account has too many devices connected", null);
                        return socket.send(Mono.just(socket.textMessage(refusal)))
                                .then(socket.close(CloseStatus.POLICY_VIOLATION.withReason("too many connections")))
                                .doFinally(signal -> reading.dispose());
                    }
                    admission.admit(session, registration);
                    log.debug(
                            "opened session {} of user {} device {}",
                            session.id(),
                            session.userId(),
                            session.deviceId());
                    Mono<Void> input = early.asFlux()
                            .doOnNext(frame -> frames.handle(session, frame))
                            .then()
                            .doFinally(signal -> session.close(CloseStatus.NORMAL));
                    Mono<Void> output = socket.send(session.outbound().map(socket::textMessage))
                            .then(Mono.defer(() -> socket.close(session.closeStatus())));
                    return Mono.when(input, output).doFinally(signal -> {
                        log.debug("closed session {} of user {} ({})", session.id(), session.userId(), signal);
                        leave(session);
                    });
                })
                .onErrorResume(e -> {
                    log.warn("connection of user {} failed: {}", principal.userId(), e.toString());
                    reading.dispose();
                    leave(session);
                    return socket.close(CloseStatus.SERVER_ERROR);
                });
    }

    private void leave(ClientSession session) {
        if (!sessions.unregister(session)) {
            return; // replaced by a newer connection of the same device, which owns the route now
        }
        routes.unregister(session.userId(), session.deviceId())
                .filter(liveDevices -> liveDevices == 0)
                .subscribe(
                        none -> presence.maybeOffline(session.userId()),
                        e -> log.warn("route cleanup: {}", e.toString()));
    }
}
