package io.chatforge.im.contracts.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A message pushed to a device, or returned by sync and history. {@code msgId} is a string:
 * ids exceed what a JavaScript number holds exactly. History and sync fold a content message's
 * later changes in: {@code edited}, {@code recalled} (then {@code body} is null) and
 * {@code reactions}; a push of a new message has none of them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MsgFrame(
        String type,
        String conversationId,
        String msgId,
        long seq,
        Sender from,
        @JsonInclude(JsonInclude.Include.ALWAYS) MessageBody body,
        long ts,
        Edited edited,
        Boolean recalled,
        List<Reaction> reactions) {

    public MsgFrame(String conversationId, String msgId, long seq, Sender from, MessageBody body, long ts) {
        this(FrameTypes.MSG, conversationId, msgId, seq, from, body, ts, null, null, null);
    }

    public MsgFrame withState(Edited edited, boolean recalled, List<Reaction> reactions) {
        return new MsgFrame(
                type,
                conversationId,
                msgId,
                seq,
                from,
                recalled ? null : body,
                ts,
                recalled ? null : edited,
                recalled ? Boolean.TRUE : null,
                reactions == null || reactions.isEmpty() ? null : reactions);
    }

    /** The text as last edited, and when. */
    public record Edited(String text, long at) {}

    /** One emoji on a message: how many, whether the reader is among them, the first 20 who. */
    public record Reaction(String emoji, int count, boolean mine, List<Long> userIds) {}
}
