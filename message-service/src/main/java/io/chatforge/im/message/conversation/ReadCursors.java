package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.ReceiptFrame;
import io.chatforge.im.message.delivery.DeliveryPublisher;
import io.chatforge.im.message.delivery.Recipients;
import io.chatforge.im.message.delivery.RouteLookup;
import io.chatforge.im.message.group.GroupReceipts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read and delivered cursors: they only move forward and never past the conversation's last
 * message. A read that moves sends a {@code receipt} to the peer's devices and to the reader's
 * other devices (so their unread badges clear too).
 */
@Component
public class ReadCursors {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RouteLookup routes;
    private final DeliveryPublisher deliveries;
    private final JsonMapper json;
    private final GroupReceipts groupReceipts;

    ReadCursors(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            RouteLookup routes,
            DeliveryPublisher deliveries,
            JsonMapper json,
            GroupReceipts groupReceipts) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.routes = routes;
        this.deliveries = deliveries;
        this.json = json;
        this.groupReceipts = groupReceipts;
    }

    /** Applies reads; returns the cursors as they are afterwards (only for members). */
    public List<Cursor> markRead(List<Move> moves) {
        List<Cursor> moved = new ArrayList<>();
        List<Cursor> after = transactions.execute(tx -> apply(moves, "read_seq", moved));
        notifyReaders(moved);
        return after;
    }

    public void markDelivered(List<Move> moves) {
        transactions.execute(tx -> apply(moves, "delivered_seq", new ArrayList<>()));
    }

    private List<Cursor> apply(List<Move> moves, String column, List<Cursor> moved) {
        List<Cursor> after = new ArrayList<>();
        for (Move move : moves) {
            var rows = jdbc.query(
                    "SELECT m." + column + ", LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq)), m.peer_id"
                            + " FROM conversation_members m"
                            + " JOIN conversations c ON c.id = m.conversation_id"
                            + " WHERE m.user_id = ? AND m.conversation_id = ? FOR UPDATE",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                    move.userId(),
                    move.conversationId());
            if (rows.isEmpty()) {
                continue; // not a member (or nothing was ever sent there)
            }
            long current = rows.get(0)[0];
            long last = rows.get(0)[1];
            long next = Math.max(current, Math.min(move.seq(), last));
            Cursor cursor = new Cursor(move, next, last, rows.get(0)[2]);
            if (next > current) {
                jdbc.update(
                        "UPDATE conversation_members SET " + column + " = ?"
                                + ("read_seq".equals(column)
                                        ? ", delivered_seq = GREATEST(delivered_seq, ?)"
                                        : ", delivered_seq = ?")
                                + " WHERE user_id = ? AND conversation_id = ?",
                        next,
                        next,
                        move.userId(),
                        move.conversationId());
                moved.add(cursor);
            }
            after.add(cursor);
        }
        return after;
    }

    private void notifyReaders(List<Cursor> moved) {
        if (moved.isEmpty()) {
            return;
        }
        Set<Long> users = new HashSet<>();
        moved.forEach(c -> {
            users.add(c.move().userId());
            users.add(c.peerId());
        });
        Recipients recipients = new Recipients(routes.devices(users));
        for (Cursor cursor : moved) {
            Move move = cursor.move();
            String receipt =
                    json.writeValueAsString(new ReceiptFrame(move.conversationId(), move.userId(), cursor.seq()));
            if (GroupReceipts.isGroup(move.conversationId())) {
                groupReceipts.deliver(move.conversationId(), receipt, move.userId(), move.deviceId());
                continue;
            }
            deliveries.toUser(cursor.peerId(), recipients.of(cursor.peerId()), null, receipt);
            deliveries.toUser(move.userId(), recipients.of(move.userId()), move.deviceId(), receipt);
        }
    }

    /** {@code deviceId} is the device that read (it needs no receipt); null for a REST call. */
    public record Move(long userId, String deviceId, String conversationId, long seq) {}

    /** The cursor after a move, with the conversation's last seq and the direct peer. */
    public record Cursor(Move move, long seq, long lastSeq, long peerId) {}
}
