package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.InboundRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
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
        List<InboundRecord> records = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> record : batch) {
            try {
                InboundRecord inbound = json.readValue(record.value(), InboundRecord.class);
                if (inbound.kind() == null || inbound.conversationId() == null) {
                    throw new IllegalArgumentException("kind and conversationId are required");
                }
                records.add(inbound);
            } catch (RuntimeException unreadable) {
                log.error("skipping unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }
        try {
            handle(records);
        } catch (RuntimeException e) {
            if (!isPoison(e)) {
                throw e; // database, Redis or Kafka away: the whole batch is retried, nothing is skipped
            }
            // one record the batch cannot store (it would fail forever and stall the partition):
            // go through the batch one by one and set aside only what fails on its own
            log.error("batch failed on its data, retrying record by record", e);
            for (InboundRecord record : records) {
                try {
                    handle(List.of(record));
                } catch (RuntimeException single) {
                    if (!isPoison(single)) {
                        throw single;
                    }
                    log.error(
                            "skipping inbound {} of user {}: {}", record.kind(), record.senderId(), single.toString());
                    sends.reject(record, "the frame could not be processed");
                }
            }
        }
    }

    private void handle(List<InboundRecord> records) {
        List<InboundRecord> sendRecords = new ArrayList<>();
        List<InboundRecord> reads = new ArrayList<>();
        List<InboundRecord> acks = new ArrayList<>();
        List<InboundRecord> typings = new ArrayList<>();
        for (InboundRecord inbound : records) {
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

    /** Failures caused by the data itself, which no retry of the same batch can fix. */
    static boolean isPoison(Throwable e) {
        return e instanceof DataIntegrityViolationException
                || e instanceof IllegalArgumentException
                || e instanceof NullPointerException
                || e instanceof ClassCastException
                || e instanceof IndexOutOfBoundsException;
    }
}
