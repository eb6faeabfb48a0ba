package io.chatforge.im.message.log;

/** A message as the log holds it: its conversation, id, sequence number and time of storing. */
public record Entry(String conversationId, long msgId, long seq, long ts) {}
