package io.chatforge.im.message.log;

/**
 * A request to move a member's read or delivered cursor up to {@code seq}. {@code deviceId} is the
 * device that read (it needs no receipt); null for a REST call.
 */
public record CursorMove(long userId, String deviceId, String conversationId, long seq) {}
