package io.chatforge.im.message.group;

/** A current member of a group. */
record MemberRow(long groupId, long userId, Role role, Long mutedUntil, long joinedAt) {

    boolean mutedAt(long now) {
        return mutedUntil != null && mutedUntil > now;
    }

    MemberView toView() {
        return new MemberView(userId, role.label(), mutedUntil, joinedAt);
    }
}
