package io.chatforge.im.contracts.social;

/** Paths of friend-service's internal API (never routed by the gateway). */
public final class FriendInternalApi {
    public static final String RELATION = "/internal/relations/{a}/{b}";
    public static final String RELATION_BATCH = "/internal/relations/batch";

    private FriendInternalApi() {}
}
