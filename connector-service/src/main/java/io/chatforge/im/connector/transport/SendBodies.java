package io.chatforge.im.connector.transport;

import io.chatforge.im.contracts.frame.Emojis;
import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.frame.Mentions;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MsgIds;
import io.chatforge.im.contracts.media.MediaKinds;
import io.chatforge.im.contracts.messaging.ConversationIds;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of a {@code send} frame, checked by its kind (text with its quote and mentions, media
 * with its id and caption, edit, recall, reaction, forward): the shape only; who may do what is message-service's to decide.
 */
final class SendBodies {
    private final int maxTextLength;

    SendBodies(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    /** The body as it goes to message-service, or a {@code FrameRejected} naming what is wrong. */
    MessageBody check(JsonNode body, String ref) {
        String kind = FrameFields.text(body, "kind");
        if (kind == null) {
            throw new ClientFrameHandler.FrameRejected(ErrorCodes.MISSING_FIELD, "body.kind is required", ref);
        }
        return switch (kind) {
            case MessageBody.TEXT -> MessageBody.text(text(body, ref), replyTo(body, ref), mentions(body, ref));
            case MessageBody.EDIT -> MessageBody.edit(target(body, ref), text(body, ref));
            case MessageBody.RECALL -> MessageBody.recall(target(body, ref));
            case MessageBody.REACTION -> {
                String target = target(body, ref);
                String emoji = FrameFields.text(body, "emoji");
                if (emoji == null) {
                    throw new ClientFrameHandler.FrameRejected(ErrorCodes.MISSING_FIELD, "body.emoji is required", ref);
                }
                if (!Emojis.isSingle(emoji)) {
                    throw new ClientFrameHandler.FrameRejected(
                            ErrorCodes.INVALID_FIELD,
                            "body.emoji must be one emoji of at most " + Emojis.MAX_BYTES + " bytes",
                            ref);
                }
                JsonNode on = body.get("on");
                if (on == null || !on.isBoolean()) {
                    throw new ClientFrameHandler.FrameRejected(
                            ErrorCodes.INVALID_FIELD, "body.on must be true or false", ref);
                }
                yield MessageBody.reaction(target, emoji, on.asBoolean());
            }
            case MessageBody.FORWARD -> {
                JsonNode from = body.get("from");
                if (from == null || !from.isObject()) {
                    throw new ClientFrameHandler.FrameRejected(ErrorCodes.MISSING_FIELD, "body.from is required", ref);
                }
                String conversationId = FrameFields.text(from, "conversationId");
                String msgId = FrameFields.text(from, "msgId");
                if (!ConversationIds.isWellFormed(conversationId)
                        || ConversationIds.selfOwner(conversationId) != null
                        || MsgIds.parse(msgId) == null) {
                    throw new ClientFrameHandler.FrameRejected(
                            ErrorCodes.INVALID_FIELD, "body.from names a conversationId and a msgId", ref);
                }
                yield MessageBody.forward(new MessageBody.ForwardSource(conversationId, msgId));
            }
            case MediaKinds.IMAGE, MediaKinds.FILE, MediaKinds.AUDIO, MediaKinds.VIDEO -> {
                String mediaId = FrameFields.text(body, "mediaId");
                if (mediaId == null) {
                    throw new ClientFrameHandler.FrameRejected(
                            ErrorCodes.MISSING_FIELD, "body.mediaId is required", ref);
                }
                if (MsgIds.parse(mediaId) == null) {
                    throw new ClientFrameHandler.FrameRejected(
                            ErrorCodes.INVALID_FIELD, "body.mediaId must be the id POST /api/media gave", ref);
                }
                yield MessageBody.media(kind, MediaInfo.of(mediaId), caption(body, ref));
            }
            default ->
                throw new ClientFrameHandler.FrameRejected(
                        ErrorCodes.INVALID_FIELD,
                        "body.kind must be text, image, file, audio, video, edit, recall, reaction or forward",
                        ref);
        };
    }

    private String text(JsonNode body, String ref) {
        String text = FrameFields.text(body, "text");
        if (text == null || text.isEmpty()) {
            throw new ClientFrameHandler.FrameRejected(ErrorCodes.MISSING_FIELD, "body.text is required", ref);
        }
        if (text.codePointCount(0, text.length()) > maxTextLength) {
            throw new ClientFrameHandler.FrameRejected(
                    ErrorCodes.TOO_LONG, "body.text may have at most " + maxTextLength + " characters", ref);
        }
        return text;
    }

    /** An optional caption of a media message: at most MAX_CAPTION code points, empty is none. */
    private static String caption(JsonNode body, String ref) {
        JsonNode caption = body.get("caption");
        if (caption == null || caption.isNull()) {
            return null;
        }
        if (!caption.isString()) {
            throw new ClientFrameHandler.FrameRejected(ErrorCodes.INVALID_FIELD, "body.caption must be text", ref);
        }
        String text = caption.asString();
        if (text.codePointCount(0, text.length()) > MediaKinds.MAX_CAPTION) {
            throw new ClientFrameHandler.FrameRejected(
                    ErrorCodes.TOO_LONG,
                    "body.caption may have at most " + MediaKinds.MAX_CAPTION + " characters",
                    ref);
        }
        return text.isEmpty() ? null : text;
    }

    private static String target(JsonNode body, String ref) {
        JsonNode target = body.get("target");
        if (target == null || target.isNull()) {
            throw new ClientFrameHandler.FrameRejected(ErrorCodes.MISSING_FIELD, "body.target is required", ref);
        }
        if (!target.isString() || MsgIds.parse(target.asString()) == null) {
            throw new ClientFrameHandler.FrameRejected(ErrorCodes.INVALID_FIELD, "body.target must be a msgId", ref);
        }
        return target.asString();
    }

    private static MessageBody.ReplyTo replyTo(JsonNode body, String ref) {
        JsonNode replyTo = body.get("replyTo");
        if (replyTo == null || replyTo.isNull()) {
            return null;
        }
        if (!replyTo.isString() || MsgIds.parse(replyTo.asString()) == null) {
            throw new ClientFrameHandler.FrameRejected(ErrorCodes.INVALID_FIELD, "body.replyTo must be a msgId", ref);
        }
        return MessageBody.ReplyTo.of(replyTo.asString());
    }

    private static Mentions mentions(JsonNode body, String ref) {
        JsonNode mentions = body.get("mentions");
        if (mentions == null || mentions.isNull()) {
            return null;
        }
        String rule = "body.mentions is [\"all\"] or at most " + Mentions.MAX_USERS + " user ids";
        if (!mentions.isArray() || mentions.size() > Mentions.MAX_USERS) {
            throw new ClientFrameHandler.FrameRejected(ErrorCodes.INVALID_FIELD, rule, ref);
        }
        if (mentions.size() == 1 && Mentions.ALL.equals(FrameFields.text(mentions, 0))) {
            return Mentions.everyone();
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : mentions) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0) {
                throw new ClientFrameHandler.FrameRejected(ErrorCodes.INVALID_FIELD, rule, ref);
            }
            ids.add(id.asLong());
        }
        return Mentions.of(ids);
    }
}
