package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.InboundRecord;
import io.chatforge.im.message.deadletter.DeadLetters;
import io.chatforge.im.message.deadletter.Failures;
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
 * handled (stored and answered). A failure of the database, Redis or the broker fails the batch,
 * which the container retries with backoff until it succeeds; the dedup on (sender, clientMsgId)
 * makes a retry store nothing twice. A failure of a record's own data goes record by record: each
 * gets a few tries, and one that still fails is set aside on {@code im.inbound.dlt}
 * ({@link DeadLetters}) and its sender told, unless it turns out to be stored already, which is
 * answered as stored. Nothing blocks a partition for good, nothing is dropped unseen.
 */
@Component
class InboundListener {
    private static final Logger log = LoggerFactory.getLogger(InboundListener.class);
    static final int ATTEMPTS_ALONE = 3;
    static final long FIRST_BACKOFF_MILLIS = 100;

    private final SendIngestor sends;
    private final CursorIngestor cursors;
    private final TypingRelay typing;
    private final DeadLetters deadLetters;
    private final JsonMapper json;

    InboundListener(
            SendIngestor sends, CursorIngestor cursors, TypingRelay typing, DeadLetters deadLetters, JsonMapper json) {
        this.sends = sends;
        this.cursors = cursors;
        this.typing = typing;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @KafkaListener(
            id = "inbound",
            groupId = "${im.message.consumer-group}-inbound",
            topics = Topics.INBOUND,
            containerFactory = "inboundListenerFactory",
            concurrency = "${im.message.inbound-consumers:2}")
    void onBatch(List<ConsumerRecord<String, String>> batch) {
        List<Parsed> records = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> record : batch) {
            try {
                records.add(new Parsed(record, parse(record)));
            } catch (RuntimeException unreadable) {
                deadLetters.publish(record, unreadable);
            }
        }
        try {
            handle(records.stream().map(Parsed::inbound).toList());
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e; // the infrastructure is away: the whole batch is retried, nothing is skipped
            }
            log.warn("batch failed on its data, going record by record: {}", e.toString());
            for (Parsed record : records) {
                handleAlone(record);
            }
        }
    }

    private InboundRecord parse(ConsumerRecord<String, String> record) {
        InboundRecord inbound = json.readValue(record.value(), InboundRecord.class);
        if (inbound.conversationId() == null) {
            throw new IllegalArgumentException("conversationId is required");
        }
        return inbound;
    }

    /** A few tries with backoff; then it is stored already (answered as such) or set aside. */
    private void handleAlone(Parsed record) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS_ALONE; attempt++) {
            try {
                handle(List.of(record.inbound()));
                return;
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                last = e;
                if (attempt < ATTEMPTS_ALONE) {
                    pause(FIRST_BACKOFF_MILLIS << (attempt - 1));
                }
            }
        }
        if (answeredAsStored(record, last)) {
            return;
        }
        deadLetters.publish(record.raw(), last);
        try {
            if (record.inbound() instanceof InboundRecord.Send send) {
                sends.reject(send, "the frame could not be processed");
            }
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            log.warn("could not tell the sender of {} that it was set aside: {}", record.inbound(), e.toString());
        }
    }

    /** A send stored by an earlier attempt is answered {@code sent}, never as invalid. */
    private boolean answeredAsStored(Parsed record, RuntimeException failure) {
        try {
            if (record.inbound() instanceof InboundRecord.Send send && sends.answerIfStored(send)) {
                log.warn(
                        "inbound {} failed ({}) but is stored: answered as stored",
                        record.inbound(),
                        failure.toString());
                return true;
            }
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            log.warn("could not answer {} as stored: {}", record.inbound(), e.toString());
        }
        return false;
    }

    private void handle(List<InboundRecord> records) {
        List<InboundRecord.Send> sendRecords = new ArrayList<>();
        List<InboundRecord.Read> reads = new ArrayList<>();
        List<InboundRecord.Ack> acks = new ArrayList<>();
        List<InboundRecord.Typing> typings = new ArrayList<>();
        for (InboundRecord inbound : records) {
            if (inbound instanceof InboundRecord.Send send) {
                sendRecords.add(send);
            } else if (inbound instanceof InboundRecord.Read read) {
                reads.add(read);
            } else if (inbound instanceof InboundRecord.Ack ack) {
                acks.add(ack);
            } else if (inbound instanceof InboundRecord.Typing typing) {
                typings.add(typing);
            }
        }
        sends.ingest(sendRecords);
        cursors.ingest(reads, acks);
        typing.relay(typings);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Parsed(ConsumerRecord<String, String> raw, InboundRecord inbound) {}
}
