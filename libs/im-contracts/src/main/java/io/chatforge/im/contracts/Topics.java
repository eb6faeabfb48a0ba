package io.chatforge.im.contracts;

/** Kafka topic names: domain words, never class names. */
public final class Topics {
    /** Social-graph events (friend requests, friendships, blocks), keyed by the user they concern. */
    public static final String SOCIAL = "im.social";
    /** What clients send (messages, reads, acks, typing), keyed by conversation id, read by message-service. */
    public static final String INBOUND = "im.inbound";
    /**
     * Frames for connected devices. Each partition is one connector slot: a connector leases a
     * slot and reads only that partition, so a delivery reaches only the pod holding the device.
     */
    public static final String DELIVER = "im.deliver";
    /** Messages for users with no connected device, for a future push-notification service. */
    public static final String OFFLINE = "im.offline";
    /** A user's first device came online or last device went offline, keyed by user. */
    public static final String PRESENCE = "im.presence";

    private Topics() {}

    /** Where records of {@code topic} that cannot be processed are set aside, with the cause in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    /** Headers of a dead-letter record. */
    public static final String DLT_CAUSE = "im.dlt.cause";

    public static final String DLT_TOPIC = "im.dlt.topic";
    public static final String DLT_PARTITION = "im.dlt.partition";
    public static final String DLT_OFFSET = "im.dlt.offset";
}
