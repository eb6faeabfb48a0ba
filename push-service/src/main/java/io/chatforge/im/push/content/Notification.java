package io.chatforge.im.push.content;

/**
 * What a device is told of one message: the payload every provider carries (Web Push as this
 * JSON, FCM and APNs in their own shape), {@code conversationId} doubling as the collapse key.
 */
public record Notification(
        String type,
        String conversationId,
        String msgId,
        long seq,
        long fromUserId,
        String title,
        String body,
        long badge) {}
