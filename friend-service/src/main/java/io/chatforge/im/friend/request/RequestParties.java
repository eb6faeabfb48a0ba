package io.chatforge.im.friend.request;

/** Sender and recipient of a friend request. */
record RequestParties(long fromUserId, long toUserId) {}
