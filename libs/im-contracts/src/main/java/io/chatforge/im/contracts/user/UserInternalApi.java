package io.chatforge.im.contracts.user;

/** Paths of user-service's internal API (never routed by the gateway). */
public final class UserInternalApi {
    public static final String PROFILE = "/internal/users/{id}";
    public static final String BATCH = "/internal/users/batch";

    private UserInternalApi() {}
}
