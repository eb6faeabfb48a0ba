package io.chatforge.im.security;

/**
 * Redis keys that mark a device session as revoked (logout, refresh-token reuse). auth-service
 * writes them with a TTL of one access-token lifetime; the gateway refuses access tokens of a
 * revoked session until they would have expired anyway.
 */
public final class RevokedSessions {
    private static final String PREFIX = "im:auth:revoked-session:";

    private RevokedSessions() {}

    public static String key(String sessionId) {
        return PREFIX + sessionId;
    }
}
