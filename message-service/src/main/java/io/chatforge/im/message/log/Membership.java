package io.chatforge.im.message.log;

/**
 * One conversation of a user as the log holds it: the last seq the user may read, their read cursor, the direct peer with the peer's
 * read cursor (null in a group) and the last message they may see.
 */
public record Membership(
        String conversationId,
        String kind,
        long visibleSeq,
        long readSeq,
        boolean left,
        Long peerId,
        Long peerReadSeq,
        io.chatforge.im.contracts.frame.MsgFrame lastMessage) {

    public boolean isGroup() {
        return "group".equals(kind);
    }
}
