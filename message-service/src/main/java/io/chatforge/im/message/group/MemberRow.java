package io.chatforge.im.message.group;

/** A current member of a group. */
record MemberRow(long groupId, long userId, Role role, Long mutedUntil, long joinedAt) {

    MemberView toView() {
        return new MemberView(userId, role.label(), mutedUntil, joinedAt);
    }
}
