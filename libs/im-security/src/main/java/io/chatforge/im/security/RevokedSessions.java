package io.chatforge.im.security;

/**
 * How a revoked device session (logout, refresh-token reuse, a kick, a new login of the same
 * device) reaches everyone who honours it. auth-service writes a Redis key per session with a TTL
 * of one access-token lifetime, which the gateway and the services check on every request, and
 * publishes a {@link Revocation} on {@link #CHANNEL}, on which every connector closes that
 * session's live sockets at once.
 */
public final class RevokedSessions {
    private static final String PREFIX = "im:auth:revoked-session:";

    /** Redis pub/sub channel of {@link Revocation#encode()} messages. */
    public static final String CHANNEL = "im:auth:session-revocations";

    private RevokedSessions() {}

    public static String key(String sessionId) {
        return PREFIX + sessionId;
    }

    /**
     * One revoked session.
     *
     * @param reason why, as told to the client in {@code event kicked} (logout, refresh_reuse,
     *     revoked, replaced)
     */
    public record Revocation(long userId, String sessionId, String reason) {

        public String encode() {
            return userId + "|" + sessionId + "|" + reason;
        }

        /** The revocation, or null for a message that is not one. */
        public static Revocation decode(String message) {
            if (message == null) {
                return null;
            }
            String[] parts = message.split("\\|", 3);
            if (parts.length != 3 || parts[1].isEmpty()) {
                return null;
            }
            try {
                return new Revocation(Long.parseLong(parts[0]), parts[1], parts[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
