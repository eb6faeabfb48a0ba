package io.chatforge.im.security;

/**
 * Service-to-service calls to {@code /internal/**} carry a shared secret in this header. The
 * gateway never routes {@code /internal/**} and strips the header from client requests.
 */
public final class InternalCalls {
    public static final String TOKEN_HEADER = "X-Internal-Token";
    public static final String PATH_PREFIX = "/internal/";

    private InternalCalls() {}
}
