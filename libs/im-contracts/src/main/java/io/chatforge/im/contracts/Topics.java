package io.chatforge.im.contracts;

/** Kafka topic names: domain words, never class names. */
public final class Topics {
    /** Social-graph events (friend requests, friendships, blocks), keyed by the user they concern. */
    public static final String SOCIAL = "im.social";

    private Topics() {}
}
