package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.session.ClientSession;
import io.chatforge.im.connector.session.SessionRegistry;
import io.chatforge.im.contracts.frame.AuthOkFrame;
import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.security.ImPrincipal;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * The {@code auth} frame: a connection lives only as long as its access token, and a client
 * extends it by presenting a fresh token of the same user and device before that one expires. The
 * token is checked like at the handshake (signature, claims, revocation).
 */
@Component
class TokenRenewal {
    static final int MAX_TOKEN_LENGTH = 8192;

    private final ReactiveJwtDecoder tokens;
    private final Frames frames;
    private final SessionRegistry sessions;

    TokenRenewal(ReactiveJwtDecoder tokens, Frames frames, SessionRegistry sessions) {
        this.tokens = tokens;
        this.frames = frames;
        this.sessions = sessions;
    }

    void renew(ClientSession session, String token, String ref) {
        tokens.decode(token)
                .subscribe(
                        jwt -> {
                            ImPrincipal presented = ImPrincipal.from(jwt);
                            if (presented.userId() != session.userId()
                                    || !session.deviceId().equals(presented.deviceId())) {
                                session.send(frames.error(
                                        ErrorCodes.INVALID_TOKEN, "the token belongs to another user or device", ref));
                                return;
                            }
                            ClientSession.Credentials renewed = ConnectionHandler.credentials(jwt);
                            sessions.renew(session, renewed);
                            session.send(frames.write(new AuthOkFrame(ref, renewed.expiresAtMillis())));
                        },
                        invalid -> session.send(frames.error(
                                ErrorCodes.INVALID_TOKEN, "the token is invalid, expired or revoked", ref)));
    }
}
