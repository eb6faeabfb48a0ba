package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MsgFrame;

/**
 * One conversation of a user as the log holds it: the last seq the user may read, their read
 * cursor, the direct peer with the peer's read cursor (null in a group), the last message they
 * see, their unread counts (messages, mentions) and their own settings (muted, pinned).
 */
public record Membership(
        String conversationId,
        String kind,
        long visibleSeq,
        long readSeq,
        boolean left,
        Long peerId,
        Long peerReadSeq,
        MsgFrame lastMessage,
        long unread,
        long unreadMentions,
        boolean muted,
        boolean pinned,
        MessageRows.Row lastRow) {

    public boolean isGroup() {
        return "group".equals(kind);
    }

    Membership withLastMessage(MsgFrame frame) {
        return new Membership(
                conversationId,
                kind,
                visibleSeq,
                readSeq,
                left,
                peerId,
                peerReadSeq,
                frame,
                unread,
                unreadMentions,
                muted,
                pinned,
                null);
    }
}
