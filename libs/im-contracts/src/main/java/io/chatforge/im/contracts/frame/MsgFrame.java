package io.chatforge.im.contracts.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message pushed to a device, or returned by sync and history. {@code msgId} is a string:
 * ids exceed what a JavaScript number holds exactly.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MsgFrame(
        String type, String conversationId, String msgId, long seq, Sender from, MessageBody body, long ts) {

    public MsgFrame(String conversationId, String msgId, long seq, Sender from, MessageBody body, long ts) {
        this(FrameTypes.MSG, conversationId, msgId, seq, from, body, ts);
    }
}
