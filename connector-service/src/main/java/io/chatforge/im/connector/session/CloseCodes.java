package io.chatforge.im.connector.session;

import org.springframework.web.reactive.socket.CloseStatus;

/** The application close codes of docs/protocol.md (4000-4999 pass the gateway unchanged). */
public final class CloseCodes {
    /** the same device connected again; do not reconnect automatically */
    public static final CloseStatus REPLACED = new CloseStatus(4001, "replaced by a newer connection");
    /** the device session was revoked (logout, refresh-token reuse, ended from another device) */
    public static final CloseStatus SESSION_REVOKED = new CloseStatus(4003, "session revoked");
    /** the access token expired without in-band renewal: refresh it and reconnect */
    public static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4004, "token expired");

    static final CloseStatus TOO_SLOW = new CloseStatus(1013, "too slow; reconnect and sync");

    private CloseCodes() {}
}
