package io.chatforge.im.security;

/** Tells whether a device session was revoked (logout, refresh-token reuse) before its tokens expire. */
@FunctionalInterface
public interface RevokedSessionCheck {
    boolean isRevoked(String sessionId);
}
