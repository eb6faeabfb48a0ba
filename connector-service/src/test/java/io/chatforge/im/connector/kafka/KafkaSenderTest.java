package io.chatforge.im.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaSenderTest {
    private static final ProducerRecord<String, String> RECORD = new ProducerRecord<>("im.inbound", "k", "v");

    @Test
    void aProducerThatBlocks_neverBlocksTheCaller() throws Exception {
        var unblock = new CountDownLatch(1);
        var sender = new KafkaSender(record -> {
            await(unblock); // no metadata: the producer blocks for max.block.ms
            return CompletableFuture.completedFuture(null);
        });
        long start = System.nanoTime();
        CompletableFuture<Void> first = sender.send(RECORD);
        CompletableFuture<Void> second = sender.send(RECORD);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));
        assertThat(first).isNotDone();
        unblock.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        sender.destroy();
    }

    @Test
    void afterTheBrokerFailedASend_sendsFailAtOnce_andRecoverOnceItTakesThemAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        var brokerUp = new java.util.concurrent.atomic.AtomicBoolean(false);
        var sender = new KafkaSender(record -> {
            calls.incrementAndGet();
            return brokerUp.get()
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new TimeoutException("expired after 3000 ms"));
        });
        assertThat(sender.send(RECORD)).failsWithin(Duration.ofSeconds(5));
        CompletableFuture<Void> during = sender.send(RECORD);
        assertThat(during).isCompletedExceptionally();
        assertThat(calls).as("not handed to the producer").hasValue(1);

        brokerUp.set(true);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !sender.send(RECORD)
                .isCompletedExceptionally());
        sender.send(RECORD).get(5, TimeUnit.SECONDS);
        sender.destroy();
    }

    @Test
    void whenTooManySendsWait_theNextFailsAtOnce() {
        var unblock = new CountDownLatch(1);
        var sender = new KafkaSender(record -> {
            await(unblock);
            return CompletableFuture.completedFuture(null);
        });
        for (int i = 0; i <= KafkaSender.QUEUE; i++) {
            sender.send(RECORD); // one running, QUEUE waiting
        }
        assertThat(sender.send(RECORD))
                .isCompletedExceptionally()
                .failsWithin(Duration.ZERO)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(KafkaSender.Unavailable.class);
        unblock.countDown();
        sender.destroy();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
