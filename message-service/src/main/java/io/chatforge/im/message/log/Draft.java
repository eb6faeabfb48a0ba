package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MessageBody;

/**
 * A message to append, as its sender wrote it. {@code receiverId} is the peer of a direct
 * conversation (null in a group); ({@code senderId}, {@code clientMsgId}) identifies it across
 * retries.
 */
public record Draft(
        long senderId,
        String senderDeviceId,
        String conversationId,
        Long receiverId,
        String clientMsgId,
        MessageBody body) {}
