package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.messaging.InboundRecord;
import io.chatforge.im.message.conversation.ReadCursors;
import io.chatforge.im.message.log.ConversationLog;
import io.chatforge.im.message.log.CursorMove;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads and acks of a batch: the highest seq per user and conversation is applied once. */
@Component
class CursorIngestor {
    private final ReadCursors reads;
    private final ConversationLog log;

    CursorIngestor(ReadCursors reads, ConversationLog log) {
        this.reads = reads;
        this.log = log;
    }

    void ingest(List<InboundRecord.Read> readRecords, List<InboundRecord.Ack> acks) {
        if (!readRecords.isEmpty()) {
            reads.markRead(
                    highest(readRecords.stream().map(r -> move(r, r.seq())).toList()));
        }
        if (!acks.isEmpty()) {
            log.moveDelivered(highest(acks.stream().map(r -> move(r, r.seq())).toList()));
        }
    }

    private static CursorMove move(InboundRecord record, long seq) {
        return new CursorMove(record.senderId(), record.senderDeviceId(), record.conversationId(), seq);
    }

    /** One move per user and conversation: the furthest. */
    static List<CursorMove> highest(List<CursorMove> moves) {
        Map<List<Object>, CursorMove> best = new LinkedHashMap<>();
        for (CursorMove move : moves) {
            best.merge(List.of(move.userId(), move.conversationId()), move, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        return new ArrayList<>(best.values());
    }
}
