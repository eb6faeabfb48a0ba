package io.chatforge.im.contracts.frame;

/** The answer to a send: the message is stored (durable) under this id and sequence number. */
public record SentFrame(String type, String clientMsgId, String conversationId, String msgId, long seq, long ts) {

    public SentFrame(String clientMsgId, String conversationId, String msgId, long seq, long ts) {
        this(FrameTypes.SENT, clientMsgId, conversationId, msgId, seq, ts);
    }
}
