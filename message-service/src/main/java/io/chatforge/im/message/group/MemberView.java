package io.chatforge.im.message.group;

/** A member and their role; {@code mutedUntil} (epoch ms) is set while they are muted. */
record MemberView(long userId, String role, Long mutedUntil, long joinedAt) {}
