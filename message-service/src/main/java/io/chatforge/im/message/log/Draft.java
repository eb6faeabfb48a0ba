package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MessageBody;

/**
 * A message or change to append, as its sender wrote it. {@code receiverId} is the peer of a
 * direct conversation (null otherwise); ({@code senderId}, {@code clientMsgId}) identifies it
 * across retries; {@code senderManages}: the sender owns or administers the group.
 */
public record Draft(
        long senderId,
        String senderDeviceId,
        String conversationId,
        Long receiverId,
        String clientMsgId,
        MessageBody body,
        boolean senderManages) {

    public Draft(
            long senderId,
            String senderDeviceId,
            String conversationId,
            Long receiverId,
            String clientMsgId,
            MessageBody body) {
        this(senderId, senderDeviceId, conversationId, receiverId, clientMsgId, body, false);
    }
}
