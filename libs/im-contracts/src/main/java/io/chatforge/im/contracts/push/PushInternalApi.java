package io.chatforge.im.contracts.push;

/** What push-service asks other services (never routed by the gateway). */
public final class PushInternalApi {
    /** message-service: how many messages the user has not read, in all conversations (the badge). */
    public static final String UNREAD_TOTAL = "/internal/users/{userId}/unread";

    private PushInternalApi() {}

    public record Unread(long unread) {}

    /** message-service: a group's name, the title of its notifications. */
    public static final String GROUP_NAME = "/internal/groups/{groupId}/name";

    public record GroupName(String name) {}
}
