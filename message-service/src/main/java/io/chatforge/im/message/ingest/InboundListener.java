package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.InboundRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code im.inbound} in batches. Offsets are committed only after the whole batch was
 * handled (stored and answered); a failure retries the batch, and the dedup on (sender,
 * clientMsgId) makes the retry store nothing twice.
 */
@Component
class InboundListener {
    private static final Logger log = LoggerFactory.getLogger(InboundListener.class);

    private final SendIngestor sends;
    private final CursorIngestor cursors;
    private final TypingRelay typing;
    private final JsonMapper json;

    InboundListener(SendIngestor sends, CursorIngestor cursors, TypingRelay typing, JsonMapper json) {
        this.sends = sends;
        this.cursors = cursors;
        this.typing = typing;
        this.json = json;
    }

    @KafkaListener(
            id = "inbound",
            groupId = "${im.message.consumer-group}-inbound",
            topics = Topics.INBOUND,
            containerFactory = "inboundListenerFactory",
            concurrency = "${im.message.inbound-consumers:2}")
    void onBatch(List<ConsumerRecord<String, String>> batch) {
        List<InboundRecord> sendRecords = new ArrayList<>();
        List<InboundRecord> reads = new ArrayList<>();
        List<InboundRecord> acks = new ArrayList<>();
        List<InboundRecord> typings = new ArrayList<>();
        for (ConsumerRecord<String, String> record : batch) {
            InboundRecord inbound;
            try {
                inbound = json.readValue(record.value(), InboundRecord.class);
            } catch (RuntimeException unreadable) {
                log.error("skipping unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
                continue;
            }
            switch (inbound.kind()) {
                case InboundRecord.SEND -> sendRecords.add(inbound);
                case InboundRecord.READ -> reads.add(inbound);
                case InboundRecord.ACK -> acks.add(inbound);
                case InboundRecord.TYPING -> typings.add(inbound);
                default -> log.warn("skipping inbound record of unknown kind {}", inbound.kind());
            }
        }
        sends.ingest(sendRecords);
        cursors.ingest(reads, acks);
        typing.relay(typings);
    }
}
