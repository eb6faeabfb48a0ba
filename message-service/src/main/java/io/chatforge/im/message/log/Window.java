package io.chatforge.im.message.log;

/** The seqs of a conversation a user may read: after {@code after}, up to {@code upTo} inclusive. */
public record Window(String conversationId, long after, long upTo) {}
