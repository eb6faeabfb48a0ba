package io.chatforge.im.message.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chatforge.im.contracts.frame.MsgFrame;

/**
 * One entry of my conversation list: a direct chat ({@code peer}) or a group ({@code group}).
 * {@code unread} counts messages after my read cursor (my own sends move my cursor, so they never
 * count). A group I left shows its history up to my leaving ({@code left}).
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
        boolean left,
        MsgFrame lastMessage) {

    /** The other person of a direct chat and how far they have read (their read receipts, restored). */
    record Peer(long userId, long readSeq) {}

    record Group(long groupId, String name, String avatar) {}
}
