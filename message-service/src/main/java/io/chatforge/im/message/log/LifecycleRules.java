package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.frame.Mentions;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MessageBody.ReplyTo;
import io.chatforge.im.contracts.frame.MsgIds;
import io.chatforge.im.contracts.media.MediaKinds;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.message.log.Appended.Refusal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the message lifecycle, on facts read under the conversation's lock: who may reply
 * to, mention, edit, recall, react to, forward, delete or clear what, and what each entry stores
 * and delivers. A target that is unknown, recalled, in another conversation or outside what the
 * sender may read is {@code not_found} alike: no existence oracle.
 */
final class LifecycleRules {
    static final int MAX_EMOJIS = 20;

    private final Duration editWindow;
    private final Duration recallWindow;

    LifecycleRules(Duration editWindow, Duration recallWindow) {
        this.editWindow = editWindow;
        this.recallWindow = recallWindow;
    }

    /** A message as the rules see it; {@code text} is its current text (edited if it was). */
    record Target(
            long id,
            String conversationId,
            long seq,
            long senderId,
            String kind,
            String text,
            boolean recalled,
            long createdAt,
            Long forwardedFrom,
            Set<String> emojis,
            MediaInfo media) {

        boolean isText() {
            return MessageBody.TEXT.equals(kind);
        }

        Target with(String text, boolean recalled, Set<String> emojis) {
            return new Target(
                    id, conversationId, seq, senderId, kind, text, recalled, createdAt, forwardedFrom, emojis, media);
        }

        /** What a quote shows: the text, or "[image]" and the caption for a media message. */
        String preview() {
            if (isText()) {
                return ReplyTo.preview(text);
            }
            return ReplyTo.preview("[" + kind + "]" + (text == null || text.isEmpty() ? "" : " " + text));
        }
    }

    /** What the rules read: targets, the windows users may read, group members, the time. */
    interface Facts {
        Target target(long id);

        /** The seqs the user may read (after cleared/joined, up to left or the last), null if never a member. */
        Window readable(long userId, String conversationId);

        /** Who may be mentioned: the current members of a group, both users of a direct chat. */
        Set<Long> members(String conversationId);

        long now();
    }

    /** What to do with a draft: refuse it, or store it and apply its effect. */
    sealed interface Decision {}

    record Refused(Refusal refusal) implements Decision {
        Refused(String code, String message) {
            this(new Refusal(code, message));
        }
    }

    /**
     * Store {@code stored} (its kind and columns) and deliver {@code delivered}; {@code effect} is
     * what changes elsewhere once the entry has its seq.
     */
    record Accepted(MessageBody delivered, Stored stored, Effect effect) implements Decision {}

    /** The columns of the new row beyond the common ones. */
    record Stored(
            String kind,
            String content,
            Long targetId,
            Long replyToId,
            Mentions mentions,
            Long forwardedFrom,
            MediaInfo media) {
        Stored(String kind, String content, Long targetId, Long replyToId, Mentions mentions, Long forwardedFrom) {
            this(kind, content, targetId, replyToId, mentions, forwardedFrom, null);
        }
    }

    sealed interface Effect {}

    record None() implements Effect {}

    record Edit(long targetId, String text) implements Effect {}

    record Recall(long targetId) implements Effect {}

    /** A media message now carries this object. */
    record Attach(long mediaId) implements Effect {}

    record React(long targetId, String emoji, long userId, boolean on) implements Effect {}

    record Mention(Mentions mentions) implements Effect {}

    record Hide(long userId, String conversationId, long seq) implements Effect {}

    record Clear(long userId, String conversationId, long throughSeq) implements Effect {}

    Decision decide(Draft draft, Facts facts) {
        MessageBody body = draft.body();
        return switch (body.kind()) {
            case MessageBody.TEXT -> text(draft, facts);
            case MessageBody.EDIT -> edit(draft, facts);
            case MessageBody.RECALL -> recall(draft, facts);
            case MessageBody.REACTION -> reaction(draft, facts);
            case MessageBody.FORWARD -> forward(draft, facts);
            case MessageBody.DELETE -> delete(draft, facts);
            case MessageBody.CLEAR -> clear(draft, facts);
            case MediaKinds.IMAGE, MediaKinds.FILE, MediaKinds.AUDIO, MediaKinds.VIDEO -> media(draft);
            default -> new Refused(ErrorCodes.INVALID_FIELD, "unknown body.kind");
        };
    }

    private Decision text(Draft draft, Facts facts) {
        MessageBody body = draft.body();
        ReplyTo quote = null;
        Long replyToId = null;
        if (body.replyTo() != null) {
            Target target = readableContent(
                    draft.senderId(),
                    draft.conversationId(),
                    MsgIds.parse(body.replyTo().msgId()),
                    facts);
            if (target == null) {
                return new Refused(ErrorCodes.INVALID_FIELD, "replyTo must name a message of this conversation");
            }
            replyToId = target.id();
            quote = new ReplyTo(
                    Long.toString(target.id()),
                    target.seq(),
                    target.senderId(),
                    target.recalled() ? null : target.preview());
        }
        Mentions mentions = body.mentions();
        if (mentions != null) {
            Refused refused = checkMentions(draft, mentions, facts);
            if (refused != null) {
                return refused;
            }
            if (!mentions.all() && mentions.userIds().isEmpty()) {
                mentions = null;
            }
        }
        MessageBody delivered = MessageBody.text(body.text(), quote, mentions);
        return new Accepted(
                delivered,
                new Stored(MessageBody.TEXT, body.text(), null, replyToId, mentions, null),
                mentions == null ? new None() : new Mention(mentions));
    }

    /** A media message whose object media-service vouched for (ready, the sender's own). */
    private static Decision media(Draft draft) {
        MessageBody body = draft.body();
        if (body.media() == null || body.media().contentType() == null || body.mediaId() == null) {
            return new Refused(ErrorCodes.NOT_FOUND, "no such media: upload it and complete the upload first");
        }
        return new Accepted(
                MessageBody.media(body.kind(), body.media(), body.caption()),
                new Stored(
                        body.kind(),
                        body.caption() == null ? "" : body.caption(),
                        null,
                        null,
                        null,
                        null,
                        body.media()),
                new Attach(body.mediaId()));
    }

    private static Refused checkMentions(Draft draft, Mentions mentions, Facts facts) {
        boolean group = ConversationIds.isGroup(draft.conversationId());
        if (mentions.all()) {
            return group && draft.senderManages()
                    ? null
                    : new Refused(ErrorCodes.NOT_ALLOWED, "only a group's owner or admins may mention all");
        }
        Set<Long> members = facts.members(draft.conversationId());
        for (long userId : mentions.userIds()) {
            if (userId == draft.senderId() || !members.contains(userId)) {
                return new Refused(ErrorCodes.INVALID_FIELD, "mentions must name members of the conversation");
            }
        }
        return null;
    }

    private Decision edit(Draft draft, Facts facts) {
        MessageBody body = draft.body();
        Target target = readableContent(draft.senderId(), draft.conversationId(), body.targetId(), facts);
        if (target == null) {
            return notFound();
        }
        if (target.senderId() != draft.senderId() || target.forwardedFrom() != null) {
            return new Refused(ErrorCodes.NOT_ALLOWED, "only your own messages can be edited");
        }
        if (!target.isText()) {
            return new Refused(ErrorCodes.NOT_ALLOWED, "only texts can be edited");
        }
        if (facts.now() - target.createdAt() > editWindow.toMillis()) {
            return new Refused(ErrorCodes.EDIT_WINDOW_PASSED, "messages can be edited for " + editWindow);
        }
        return new Accepted(
                MessageBody.edit(body.target(), body.text()).withTargetSeq(target.seq()),
                new Stored(MessageBody.EDIT, body.text(), target.id(), null, null, null),
                new Edit(target.id(), body.text()));
    }

    private Decision recall(Draft draft, Facts facts) {
        MessageBody body = draft.body();
        Target target = readableContent(draft.senderId(), draft.conversationId(), body.targetId(), facts);
        if (target == null) {
            return notFound();
        }
        boolean manager = ConversationIds.isGroup(draft.conversationId()) && draft.senderManages();
        if (!manager) {
            if (target.senderId() != draft.senderId()) {
                return new Refused(ErrorCodes.NOT_ALLOWED, "only your own messages can be recalled");
            }
            if (facts.now() - target.createdAt() > recallWindow.toMillis()) {
                return new Refused(ErrorCodes.RECALL_WINDOW_PASSED, "messages can be recalled for " + recallWindow);
            }
        }
        return new Accepted(
                MessageBody.recall(body.target()).withTargetSeq(target.seq()),
                new Stored(MessageBody.RECALL, "", target.id(), null, null, null),
                new Recall(target.id()));
    }

    private Decision reaction(Draft draft, Facts facts) {
        MessageBody body = draft.body();
        Target target = readableContent(draft.senderId(), draft.conversationId(), body.targetId(), facts);
        if (target == null) {
            return notFound();
        }
        boolean on = Boolean.TRUE.equals(body.on());
        if (on && !target.emojis().contains(body.emoji()) && target.emojis().size() >= MAX_EMOJIS) {
            return new Refused(ErrorCodes.INVALID_FIELD, "a message has at most " + MAX_EMOJIS + " different emojis");
        }
        return new Accepted(
                MessageBody.reaction(body.target(), body.emoji(), on).withTargetSeq(target.seq()),
                new Stored(MessageBody.REACTION, body.emoji(), target.id(), null, null, null),
                new React(target.id(), body.emoji(), draft.senderId(), on));
    }

    private Decision forward(Draft draft, Facts facts) {
        MessageBody.ForwardSource from = draft.body().from();
        Target original = from == null || !ConversationIds.isWellFormed(from.conversationId())
                ? null
                : readableContent(draft.senderId(), from.conversationId(), MsgIds.parse(from.msgId()), facts);
        if (original == null) {
            return notFound();
        }
        long author = original.forwardedFrom() != null ? original.forwardedFrom() : original.senderId();
        if (original.media() != null) {
            String caption = original.text() == null || original.text().isEmpty() ? null : original.text();
            return new Accepted(
                    MessageBody.media(original.kind(), original.media(), caption)
                            .forwardedMedia(author),
                    new Stored(original.kind(), original.text(), null, null, null, author, original.media()),
                    new Attach(MsgIds.parse(original.media().mediaId())));
        }
        return new Accepted(
                MessageBody.forwardedText(original.text(), author),
                new Stored(MessageBody.TEXT, original.text(), null, null, null, author),
                new None());
    }

    private Decision delete(Draft draft, Facts facts) {
        MessageBody body = draft.body();
        Target target = readable(draft.senderId(), body.conversationId(), body.targetId(), facts);
        if (target == null || MessageBody.CHANGES.contains(target.kind())) {
            return notFound();
        }
        return new Accepted(
                MessageBody.delete(body.conversationId(), body.target(), target.seq()),
                new Stored(MessageBody.DELETE, "", target.id(), null, null, null),
                new Hide(draft.senderId(), body.conversationId(), target.seq()));
    }

    private Decision clear(Draft draft, Facts facts) {
        String conversationId = draft.body().conversationId();
        Window window = facts.readable(draft.senderId(), conversationId);
        if (window == null) {
            return notFound();
        }
        long through = window.upTo();
        return new Accepted(
                MessageBody.clear(conversationId, through),
                new Stored(MessageBody.CLEAR, "", null, null, null, null),
                new Clear(draft.senderId(), conversationId, through));
    }

    /** Content (a text or media) of the conversation that the user may read and that is not recalled, or null. */
    private static Target readableContent(long userId, String conversationId, Long id, Facts facts) {
        Target target = readable(userId, conversationId, id, facts);
        return target != null && MessageBody.isContent(target.kind()) && !target.recalled() ? target : null;
    }

    /** A message of the conversation inside what the user may read, or null. */
    private static Target readable(long userId, String conversationId, Long id, Facts facts) {
        if (id == null || conversationId == null) {
            return null;
        }
        Target target = facts.target(id);
        if (target == null || !target.conversationId().equals(conversationId)) {
            return null;
        }
        Window window = facts.readable(userId, conversationId);
        return window != null && target.seq() > window.after() && target.seq() <= window.upTo() ? target : null;
    }

    private static Refused notFound() {
        return new Refused(ErrorCodes.NOT_FOUND, "no such message");
    }

    /** Updates the facts of a target after an accepted change, for the drafts after it in the batch. */
    static Target after(Target target, Effect effect) {
        if (effect instanceof Edit edit) {
            return target.with(edit.text(), false, target.emojis());
        }
        if (effect instanceof Recall) {
            return target.with(null, true, Set.of());
        }
        if (effect instanceof React react && react.on()) {
            Set<String> emojis = new HashSet<>(target.emojis());
            emojis.add(react.emoji());
            return target.with(target.text(), target.recalled(), emojis);
        }
        return target;
    }

    static List<Long> targetIds(Draft draft) {
        MessageBody body = draft.body();
        Long target = body.targetId();
        if (target != null) {
            return List.of(target);
        }
        if (body.replyTo() != null && MsgIds.parse(body.replyTo().msgId()) != null) {
            return List.of(MsgIds.parse(body.replyTo().msgId()));
        }
        if (body.from() != null && MsgIds.parse(body.from().msgId()) != null) {
            return List.of(MsgIds.parse(body.from().msgId()));
        }
        return List.of();
    }
}
