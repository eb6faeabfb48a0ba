package io.chatforge.im.message.group;

/** A group as clients see it. Times are epoch milliseconds. */
record GroupView(
        long groupId,
        String conversationId,
        String name,
        String avatar,
        String announcement,
        long ownerId,
        int memberCount,
        int memberLimit,
        boolean allowMemberInvites,
        boolean mutedAll,
        boolean receiptsEnabled,
        long createdAt,
        boolean dissolved) {}
