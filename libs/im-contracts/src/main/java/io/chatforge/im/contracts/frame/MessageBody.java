package io.chatforge.im.contracts.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.chatforge.im.contracts.media.MediaKinds;
import java.util.Set;

/**
 * A message's content, as sent and as delivered. {@code kind} says which fields it has:
 * <ul>
 *   <li>{@code text}: {@code text}, optional {@code replyTo} and {@code mentions}; delivered with
 *       {@code forwarded} when it is a forward;
 *   <li>{@code image}, {@code file}, {@code audio}, {@code video}: a media message, {@code mediaId}
 *       and optional {@code caption} when sent; delivered with what media-service recorded of
 *       the object ({@link MediaInfo}'s fields, flat in the body);
 *   <li>{@code system}: a group change, {@code text} is a JSON object;
 *   <li>{@code edit}: {@code target}, {@code text}; {@code recall}: {@code target};
 *       {@code reaction}: {@code target}, {@code emoji}, {@code on} (delivered with
 *       {@code targetSeq});
 *   <li>{@code forward} (sent only): {@code from}; stored as a copy of the original's body;
 *   <li>{@code delete}, {@code clear}: private entries of one member ({@code target} or
 *       {@code clearedThroughSeq} of {@code conversationId}), kept in the member's own
 *       conversation {@code u_<userId>} and seen only by their devices.
 * </ul>
 * On a send, {@code replyTo} names only the target's {@code msgId}; delivered, it carries the
 * target's seq, sender and a preview.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageBody(
        String kind,
        String text,
        ReplyTo replyTo,
        Mentions mentions,
        String target,
        Long targetSeq,
        String emoji,
        Boolean on,
        ForwardSource from,
        Forwarded forwarded,
        String conversationId,
        Long clearedThroughSeq,
        @JsonUnwrapped MediaInfo media,
        String caption) {
    public static final String TEXT = "text";
    /** a membership change in a group; {@code text} is a JSON object describing it */
    public static final String SYSTEM = "system";

    public static final String EDIT = "edit";
    public static final String RECALL = "recall";
    public static final String REACTION = "reaction";
    public static final String FORWARD = "forward";
    public static final String DELETE = "delete";
    public static final String CLEAR = "clear";

    /** Entries that change another message; they are not content and never unread. */
    public static final Set<String> CHANGES = Set.of(EDIT, RECALL, REACTION);
    /** Entries only their author's devices see. */
    public static final Set<String> PRIVATE = Set.of(DELETE, CLEAR);

    public MessageBody {
        // a body read without media fields binds an empty MediaInfo: none
        if (media != null && media.mediaId() == null) {
            media = null;
        }
    }

    public MessageBody(String kind, String text) {
        this(kind, text, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static MessageBody text(String text) {
        return new MessageBody(TEXT, text);
    }

    public static MessageBody text(String text, ReplyTo replyTo, Mentions mentions) {
        return new MessageBody(
                TEXT, text, replyTo, mentions, null, null, null, null, null, null, null, null, null, null);
    }

    public static MessageBody edit(String target, String text) {
        return new MessageBody(EDIT, text, null, null, target, null, null, null, null, null, null, null, null, null);
    }

    public static MessageBody recall(String target) {
        return new MessageBody(RECALL, null, null, null, target, null, null, null, null, null, null, null, null, null);
    }

    public static MessageBody reaction(String target, String emoji, boolean on) {
        return new MessageBody(REACTION, null, null, null, target, null, emoji, on, null, null, null, null, null, null);
    }

    public static MessageBody forward(ForwardSource from) {
        return new MessageBody(FORWARD, null, null, null, null, null, null, null, from, null, null, null, null, null);
    }

    /** A message of {@code conversationId} deleted for its member only. */
    public static MessageBody delete(String conversationId, String target, Long targetSeq) {
        return new MessageBody(
                DELETE, null, null, null, target, targetSeq, null, null, null, null, conversationId, null, null, null);
    }

    /** {@code conversationId} cleared for its member only, through a seq (null until known). */
    public static MessageBody clear(String conversationId, Long clearedThroughSeq) {
        return new MessageBody(
                CLEAR,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                conversationId,
                clearedThroughSeq,
                null,
                null);
    }

    /** A forwarded copy of a text. */
    public static MessageBody forwardedText(String text, long fromUserId) {
        return new MessageBody(
                TEXT,
                text,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new Forwarded(fromUserId),
                null,
                null,
                null,
                null);
    }

    /** A media message: its kind, the object as recorded, and an optional caption. */
    public static MessageBody media(String kind, MediaInfo media, String caption) {
        return new MessageBody(kind, null, null, null, null, null, null, null, null, null, null, null, media, caption);
    }

    /** A copy of this media message (a forward names who sent the original). */
    public MessageBody forwardedMedia(long fromUserId) {
        return new MessageBody(
                kind,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new Forwarded(fromUserId),
                null,
                null,
                media,
                caption);
    }

    /** Content someone wrote: a text or a media message (not a change, private or system entry). */
    public static boolean isContent(String kind) {
        return TEXT.equals(kind) || MediaKinds.isMedia(kind);
    }

    /** The media id a body names as a number, or null. */
    public Long mediaId() {
        return media == null ? null : MsgIds.parse(media.mediaId());
    }

    /** The target's msgId as a number, or null when absent or not a number. */
    public Long targetId() {
        return MsgIds.parse(target);
    }

    public MessageBody withTargetSeq(long seq) {
        return new MessageBody(
                kind,
                text,
                replyTo,
                mentions,
                target,
                seq,
                emoji,
                on,
                from,
                forwarded,
                conversationId,
                clearedThroughSeq,
                media,
                caption);
    }

    /** A message that quotes another: on a send only {@code msgId}; delivered, all four. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReplyTo(String msgId, Long seq, Long fromUserId, String preview) {
        public static final int PREVIEW_CODE_POINTS = 100;

        public static ReplyTo of(String msgId) {
            return new ReplyTo(msgId, null, null, null);
        }

        /** The first 100 code points of the target's text; null once it is recalled. */
        public static String preview(String text) {
            if (text == null) {
                return null;
            }
            int end = text.offsetByCodePoints(0, Math.min(PREVIEW_CODE_POINTS, text.codePointCount(0, text.length())));
            return text.substring(0, end);
        }
    }

    /** The original of a forward: a message of a conversation the sender can read. */
    public record ForwardSource(String conversationId, String msgId) {}

    /** A forwarded copy names who wrote the original. */
    public record Forwarded(long fromUserId) {}
}
