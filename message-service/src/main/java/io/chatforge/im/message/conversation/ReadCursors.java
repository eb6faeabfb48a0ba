package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.ReceiptFrame;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.message.group.GroupReceipts;
import io.chatforge.im.message.log.ConversationLog;
import io.chatforge.im.message.log.Cursor;
import io.chatforge.im.message.log.CursorMove;
import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading: a read cursor that moves sends a {@code receipt} to the peer's devices (in a group: to
 * the members online, if the group wants receipts) and to the reader's other devices, so their
 * unread badges clear too.
 */
@Component
public class ReadCursors {
    private final ConversationLog log;
    private final Push push;
    private final GroupReceipts groupReceipts;
    private final JsonMapper json;

    ReadCursors(ConversationLog log, Push push, GroupReceipts groupReceipts, JsonMapper json) {
        this.log = log;
        this.push = push;
        this.groupReceipts = groupReceipts;
        this.json = json;
    }

    /** Applies reads; returns the cursors as they are afterwards (only for members). */
    public List<Cursor> markRead(List<CursorMove> moves) {
        List<Cursor> after = log.moveRead(moves);
        List<Delivery> receipts = new ArrayList<>();
        for (Cursor cursor : after) {
            if (cursor.moved()) {
                receipts.add(receipt(cursor));
            }
        }
        push.deliver(receipts);
        return after;
    }

    private Delivery receipt(Cursor cursor) {
        CursorMove move = cursor.move();
        String frame = json.writeValueAsString(new ReceiptFrame(move.conversationId(), move.userId(), cursor.seq()));
        Long groupId = ConversationIds.groupId(move.conversationId());
        if (groupId != null) {
            return groupReceipts.delivery(groupId, frame, move.userId(), move.deviceId());
        }
        return Delivery.direct(frame, cursor.peerId(), move.userId(), move.deviceId(), null);
    }
}
