package io.chatforge.im.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message stored for a user none of whose devices was connected, on {@code im.offline} keyed by
 * that user: the input of a push-notification service. The message itself is read by sync.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfflineEvent(
        int version, long userId, String conversationId, String msgId, long seq, long senderId, long ts) {
    public static final int VERSION = 1;
}
