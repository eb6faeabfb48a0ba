package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.MsgFrame;

/**
 * One entry of my conversation list. {@code unread} counts messages after my read cursor (my own
 * sends move my cursor, so they never count).
 */
record ConversationView(
        String conversationId, String kind, Peer peer, long lastSeq, long readSeq, long unread, MsgFrame lastMessage) {

    record Peer(long userId) {}
}
