package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.ReceiptFrame;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.message.group.GroupReceipts;
import io.chatforge.im.message.log.ConversationLog;
import io.chatforge.im.message.log.Cursor;
import io.chatforge.im.message.log.CursorMove;
import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
        List<Cursor> moved = after.stream().filter(Cursor::moved).toList();
        // who hears of reads in the batch's groups: one query for all of them
        Map<Long, Set<Long>> groupAudiences = groupReceipts.audiences(moved.stream()
                .map(c -> ConversationIds.groupId(c.move().conversationId()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        push.deliver(moved.stream().map(c -> receipt(c, groupAudiences)).toList());
        return after;
    }

    private Delivery receipt(Cursor cursor, Map<Long, Set<Long>> groupAudiences) {
        CursorMove move = cursor.move();
        String frame = json.writeValueAsString(new ReceiptFrame(move.conversationId(), move.userId(), cursor.seq()));
        Long groupId = ConversationIds.groupId(move.conversationId());
        if (groupId != null) {
            return Delivery.toMembers(frame, groupAudiences.get(groupId), move.userId(), move.deviceId());
        }
        return Delivery.direct(frame, cursor.peerId(), move.userId(), move.deviceId(), null);
    }
}
