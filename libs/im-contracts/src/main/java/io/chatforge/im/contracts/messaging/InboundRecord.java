package io.chatforge.im.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.Target;

/**
 * What a connector forwards to message-service on {@code im.inbound}, keyed by conversation id.
 * The sender is stamped by the connector from the verified token, never taken from the client.
 *
 * @param kind {@code send}, {@code read}, {@code ack} or {@code typing}
 * @param senderSlot the {@code im.deliver} partition of the sender's connector, for the answer
 * @param clientMsgId the client's id of a send (dedup key with the sender)
 * @param seq for read and ack: up to which sequence number
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboundRecord(
        int version,
        String kind,
        long senderId,
        String senderDeviceId,
        int senderSlot,
        String conversationId,
        String clientMsgId,
        Target to,
        MessageBody body,
        Long seq,
        long receivedAt) {
    public static final int VERSION = 1;
    public static final String SEND = "send";
    public static final String READ = "read";
    public static final String ACK = "ack";
    public static final String TYPING = "typing";
}
