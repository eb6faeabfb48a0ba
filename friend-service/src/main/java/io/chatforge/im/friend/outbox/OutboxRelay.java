package io.chatforge.im.friend.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Limit;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox events to Kafka in id order and marks them published in the same transaction.
 * Woken right after each commit (and at least every second), so events leave within
 * milliseconds. If Kafka fails, the batch stays unpublished and is sent again: delivery is at
 * least once, and consumers deduplicate by event id.
 */
@Component
class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final OutboxRepository outbox;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(
            OutboxRepository outbox,
            KafkaTemplate<String, String> kafka,
            TransactionTemplate transactions,
            Clock clock) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        // no gap locks: writers keep inserting new events while a batch is being sent
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    void wakeUp() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                wakeUps.tryAcquire(1, TimeUnit.SECONDS);
                wakeUps.drainPermits();
                while (running && relayBatch() == BATCH) {
                    // a full batch: more may be waiting
                }
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay failed, retrying in {}: {}", backoff, e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Sends one batch and waits for every acknowledgement before marking it published. */
    int relayBatch() {
        Integer sent = transactions.execute(tx -> {
            List<OutboxEvent> batch = outbox.lockOldestUnpublished(Limit.of(BATCH));
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(kafka.send(event.topic(), event.key(), event.payload()));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .orTimeout(15, TimeUnit.SECONDS)
                    .join();
            var now = clock.instant();
            batch.forEach(e -> e.published(now));
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
    void purgePublished() {
        transactions.executeWithoutResult(
                tx -> outbox.deletePublishedBefore(clock.instant().minus(Duration.ofDays(1))));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
