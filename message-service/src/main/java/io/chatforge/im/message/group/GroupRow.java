package io.chatforge.im.message.group;

import io.chatforge.im.contracts.messaging.ConversationIds;

/** A group as stored. */
record GroupRow(
        long id,
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
        Long dissolvedAt) {

    /** Code points a group name may have. */
    static final int NAME_MAX = 64;

    String conversationId() {
        return ConversationIds.group(id);
    }

    boolean dissolved() {
        return dissolvedAt != null;
    }

    GroupView toView() {
        return new GroupView(
                id,
                conversationId(),
                name,
                avatar,
                announcement,
                ownerId,
                memberCount,
                memberLimit,
                allowMemberInvites,
                mutedAll,
                receiptsEnabled,
                createdAt,
                dissolved());
    }

    GroupRow withMemberCount(int count) {
        return new GroupRow(
                id,
                name,
                avatar,
                announcement,
                ownerId,
                count,
                memberLimit,
                allowMemberInvites,
                mutedAll,
                receiptsEnabled,
                createdAt,
                dissolvedAt);
    }

    GroupRow withOwner(long owner) {
        return new GroupRow(
                id,
                name,
                avatar,
                announcement,
                owner,
                memberCount,
                memberLimit,
                allowMemberInvites,
                mutedAll,
                receiptsEnabled,
                createdAt,
                dissolvedAt);
    }

    /** Empty, and dissolved at this time; its history stays readable. */
    GroupRow dissolvedAt(long now) {
        return new GroupRow(
                id,
                name,
                avatar,
                announcement,
                ownerId,
                0,
                memberLimit,
                allowMemberInvites,
                mutedAll,
                receiptsEnabled,
                createdAt,
                now);
    }
}
