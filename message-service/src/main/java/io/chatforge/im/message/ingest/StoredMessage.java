package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.messaging.InboundRecord;

/**
 * A send as stored: the message's conversation, id, sequence number and time. {@code send} is the
 * record being answered (its device gets the {@code sent}); when {@code repeat}, it is a retry
 * of a send stored before (same sender and clientMsgId), answered again but not delivered again.
 */
record StoredMessage(InboundRecord send, String conversationId, long msgId, long seq, long ts, boolean repeat) {

    StoredMessage answering(InboundRecord retry) {
        return new StoredMessage(retry, conversationId, msgId, seq, ts, true);
    }
}
