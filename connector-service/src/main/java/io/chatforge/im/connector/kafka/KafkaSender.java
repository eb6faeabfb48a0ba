package io.chatforge.im.connector.kafka;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Every Kafka send of the connector, off the network threads: a producer blocks its caller while
 * it has no metadata or no buffer room (up to {@code max.block.ms}), and a network thread that
 * blocks freezes every socket it serves. Sends go through one thread of their own with a bounded
 * queue; a full queue, or a broker that failed a send in the last {@link #FAIL_FAST_MILLIS}, fails
 * the send at once, so the client hears "retry" in milliseconds instead of waiting in line behind
 * doomed sends.
 */
@Component
public class KafkaSender implements DisposableBean {
    static final int QUEUE = 10_000;
    static final long FAIL_FAST_MILLIS = 1000;

    private final Function<ProducerRecord<String, String>, CompletableFuture<?>> producer;
    private final ThreadPoolExecutor thread;
    private volatile long failingUntil;

    @Autowired
    KafkaSender(KafkaTemplate<String, String> kafka) {
        this(kafka::send);
    }

    KafkaSender(Function<ProducerRecord<String, String>, CompletableFuture<?>> producer) {
        this.producer = producer;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "kafka-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /** Completes when the broker has the record; fails if it cannot take it now (retry later). */
    public CompletableFuture<Void> send(ProducerRecord<String, String> record) {
        if (System.currentTimeMillis() < failingUntil) {
            return CompletableFuture.failedFuture(new Unavailable("the broker failed a send just now"));
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            thread.execute(() -> handOver(record, result));
        } catch (RejectedExecutionException full) {
            result.completeExceptionally(new Unavailable("too many sends waiting for the broker"));
        }
        return result;
    }

    private void handOver(ProducerRecord<String, String> record, CompletableFuture<Void> result) {
        if (System.currentTimeMillis() < failingUntil) {
            result.completeExceptionally(new Unavailable("the broker failed a send just now"));
            return;
        }
        try {
            producer.apply(record).whenComplete((ok, failure) -> {
                if (failure == null) {
                    failingUntil = 0;
                    result.complete(null);
                } else {
                    failed(result, failure);
                }
            });
        } catch (RuntimeException failure) {
            failed(result, failure);
        }
    }

    private void failed(CompletableFuture<Void> result, Throwable failure) {
        failingUntil = System.currentTimeMillis() + FAIL_FAST_MILLIS;
        result.completeExceptionally(failure);
    }

    @Override
    public void destroy() {
        thread.shutdown();
    }

    /** The broker cannot take the record right now. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
