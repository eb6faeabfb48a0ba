package io.chatforge.im.contracts.social;

/** Paths of friend-service's internal API (never routed by the gateway). */
public final class FriendInternalApi {
    public static final String RELATION = "/internal/relations/{a}/{b}";
    public static final String RELATION_BATCH = "/internal/relations/batch";
    /** The ids of a user's friends (at most {@link #MAX_FRIEND_IDS}), for presence fan-out. */
    public static final String FRIEND_IDS = "/internal/friends/{userId}";

    public static final int MAX_FRIEND_IDS = 5000;

    /**
     * Every pair with a relation (friends or a block), in (low, high) order after the given pair,
     * with its version: what another service needs to rebuild a view of the graph.
     */
    public static final String RELATIONS = "/internal/relations";

    public static final int MAX_RELATIONS_PAGE = 5000;

    private FriendInternalApi() {}
}
