package io.chatforge.im.contracts.frame;

/**
 * The {@code data} of {@code event kicked}: the connection is closed right after and must not be
 * reconnected automatically. {@code code} is stable, {@code reason} is for people.
 */
public record KickedEvent(String code, String reason) {
    /** the same device connected again (close 4001) */
    public static final String CONNECTED_ELSEWHERE = "connected_elsewhere";

    /** The event for a revoked device session (close 4003), by revocation reason. */
    public static KickedEvent sessionRevoked(String revocationReason) {
        String reason =
                switch (revocationReason) {
                    case "logout" -> "this device logged out";
                    case "refresh_reuse" -> "a refresh token was used twice: the session was ended for safety";
                    case "replaced" -> "this device logged in again";
                    case "revoked" -> "the session was ended from another device";
                    default -> "the session was ended";
                };
        return new KickedEvent(revocationReason, reason);
    }
}
