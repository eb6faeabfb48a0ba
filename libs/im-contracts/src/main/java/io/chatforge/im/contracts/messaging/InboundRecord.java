package io.chatforge.im.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.Target;

/**
 * What a connector forwards to message-service on {@code im.inbound}, keyed by conversation id:
 * one of a few kinds, told apart on the wire by {@code kind}. Every kind carries who sent it and
 * from where: the sender is stamped by the connector from the verified token, never taken from
 * the client; {@code senderSlot} is the {@code im.deliver} partition of the sender's connector,
 * for the answer; {@code receivedAt} when the connector read the frame.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = InboundRecord.Send.class, name = InboundRecord.SEND),
    @JsonSubTypes.Type(value = InboundRecord.Read.class, name = InboundRecord.READ),
    @JsonSubTypes.Type(value = InboundRecord.Ack.class, name = InboundRecord.ACK),
    @JsonSubTypes.Type(value = InboundRecord.Typing.class, name = InboundRecord.TYPING)
})
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface InboundRecord {
    int VERSION = 1;
    String SEND = "send";
    String READ = "read";
    String ACK = "ack";
    String TYPING = "typing";

    int version();

    long senderId();

    String senderDeviceId();

    int senderSlot();

    String conversationId();

    long receivedAt();

    /** A message to store and deliver; {@code clientMsgId} is its dedup key with the sender. */
    record Send(
            int version,
            long senderId,
            String senderDeviceId,
            int senderSlot,
            String conversationId,
            long receivedAt,
            String clientMsgId,
            Target to,
            MessageBody body)
            implements InboundRecord {}

    /** The sender has read the conversation up to {@code seq}. */
    record Read(
            int version,
            long senderId,
            String senderDeviceId,
            int senderSlot,
            String conversationId,
            long receivedAt,
            long seq)
            implements InboundRecord {}

    /** The sender's device has received the conversation up to {@code seq}. */
    record Ack(
            int version,
            long senderId,
            String senderDeviceId,
            int senderSlot,
            String conversationId,
            long receivedAt,
            long seq)
            implements InboundRecord {}

    /** The sender is typing to {@code to} (a user); relayed, never stored. */
    record Typing(
            int version,
            long senderId,
            String senderDeviceId,
            int senderSlot,
            String conversationId,
            long receivedAt,
            Target to)
            implements InboundRecord {}
}
