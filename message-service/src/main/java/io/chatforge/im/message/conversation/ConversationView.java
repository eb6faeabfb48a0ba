package io.chatforge.im.message.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chatforge.im.contracts.frame.MsgFrame;

/**
 * One entry of my conversation list: a direct chat ({@code peer}) or a group ({@code group}).
 * {@code unread} counts texts from others after my read cursor that are neither recalled nor
 * deleted by me; {@code unreadMentions} those of them that mention me or everyone. A group I left
 * shows its history up to my leaving ({@code left}). {@code muted} and {@code pinned} are mine.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConversationView(
        String conversationId,
        String kind,
        Peer peer,
        Group group,
        long lastSeq,
        long readSeq,
        long unread,
        long unreadMentions,
        boolean muted,
        boolean pinned,
        boolean left,
        MsgFrame lastMessage) {

    /** The other person of a direct chat and how far they have read (their read receipts, restored). */
    record Peer(long userId, long readSeq) {}

    record Group(long groupId, String name, String avatar) {}
}
