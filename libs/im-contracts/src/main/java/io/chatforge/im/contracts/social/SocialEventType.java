package io.chatforge.im.contracts.social;

/** The {@code type} values of {@link SocialEvent}, with whom each is keyed by. */
public final class SocialEventType {
    /** keyed by the recipient of a new friend request */
    public static final String REQUEST_RECEIVED = "friend.request.received";
    /** keyed by the sender whose request was accepted (also when crossed requests meet) */
    public static final String REQUEST_ACCEPTED = "friend.request.accepted";
    /** keyed by the sender whose request was declined */
    public static final String REQUEST_DECLINED = "friend.request.declined";
    /** keyed by the recipient of a request its sender cancelled */
    public static final String REQUEST_CANCELLED = "friend.request.cancelled";
    /** keyed by the user who was removed from the other's friends */
    public static final String FRIENDSHIP_REMOVED = "friendship.removed";
    /** keyed by the blocker (their other devices); the blocked user is not told */
    public static final String BLOCK_ADDED = "block.added";
    /** keyed by the user who lifted the block */
    public static final String BLOCK_REMOVED = "block.removed";

    private SocialEventType() {}
}
