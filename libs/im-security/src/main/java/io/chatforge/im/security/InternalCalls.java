package io.chatforge.im.security;

/**
 * Service-to-service calls to {@code /internal/**} carry a shared secret in this header. The
 * gateway never routes {@code /internal/**} and strips the header from client requests.
 */
public final class InternalCalls {
    public static final String TOKEN_HEADER = "X-Internal-Token";
    public static final String PATH_PREFIX = "/internal/";
    /** The dev profile's well-known token: anyone who reads the repository knows it. */
    public static final String DEV_TOKEN = "dev-internal-token-not-for-production";

    private InternalCalls() {}

    /**
     * Refuses to start with a missing, short or well-known internal token: outside the dev profile
     * the dev token would let anyone who can reach a service read any user's messages.
     */
    public static void requireUsableToken(String token, boolean devProfile) {
        if (token == null || token.length() < 16) {
            throw new IllegalStateException(
                    "im.security.internal-token (IM_INTERNAL_TOKEN) must be set, at least 16 characters");
        }
        if (!devProfile && DEV_TOKEN.equals(token)) {
            throw new IllegalStateException("IM_INTERNAL_TOKEN is the well-known development token: set a secret one"
                    + " (only the dev profile may use it)");
        }
    }
}
