package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.messaging.InboundRecord;
import io.chatforge.im.message.conversation.ReadCursors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads and acks of a batch: the highest seq per user and conversation is applied once. */
@Component
class CursorIngestor {
    private final ReadCursors cursors;

    CursorIngestor(ReadCursors cursors) {
        this.cursors = cursors;
    }

    void ingest(List<InboundRecord> reads, List<InboundRecord> acks) {
        if (!reads.isEmpty()) {
            cursors.markRead(highest(reads));
        }
        if (!acks.isEmpty()) {
            cursors.markDelivered(highest(acks));
        }
    }

    private static List<ReadCursors.Move> highest(List<InboundRecord> records) {
        Map<List<Object>, ReadCursors.Move> best = new LinkedHashMap<>();
        for (InboundRecord r : records) {
            var move = new ReadCursors.Move(r.senderId(), r.senderDeviceId(), r.conversationId(), r.seq());
            best.merge(List.of(r.senderId(), r.conversationId()), move, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        return new ArrayList<>(best.values());
    }
}
