package io.chatforge.im.connector.backpressure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * The sends of this connector's devices that wait for their answer, by device and clientMsgId,
 * under the adaptive {@link InFlightLimit}. message-service marks its answers to a send
 * ({@code sent} or an error) with the clientMsgId, which frees the place. A send that finds no place
 * waits for one, first come first served, and its connection reads nothing meanwhile: the wait
 * reaches the client through TCP instead of growing a queue in Kafka that delays every message.
 */
@Component
public class PendingSends {
    private final Map<Key, Long> started = new ConcurrentHashMap<>();
    private final BackPressureProperties properties;
    private final InFlightLimit limit;
    private final LongSupplier nanoTime;
    private final Counter waited;
    private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();

    @Autowired
    PendingSends(BackPressureProperties properties, MeterRegistry meters) {
        this(properties, meters, System::nanoTime);
    }

    PendingSends(BackPressureProperties properties, MeterRegistry meters, LongSupplier nanoTime) {
        this.properties = properties;
        this.nanoTime = nanoTime;
        this.limit = new InFlightLimit(
                properties.latencyTarget().toNanos(),
                properties.window().toNanos(),
                properties.initialLimit(),
                properties.minLimit(),
                properties.maxLimit(),
                nanoTime.getAsLong());
        this.waited = Counter.builder("im.connector.sends.waited")
                .description("sends that waited for a place because too many were in flight")
                .register(meters);
        Gauge.builder("im.connector.sends.waiting", waiting, Queue::size)
                .description("connections whose next send waits for a place")
                .register(meters);
        Gauge.builder("im.connector.sends.in-flight", limit, InFlightLimit::inFlight)
                .description("sends handed to Kafka and not answered yet")
                .register(meters);
        Gauge.builder("im.connector.sends.limit", limit, InFlightLimit::limit)
                .description("the adaptive cap on sends in flight")
                .register(meters);
    }

    /**
     * Completes when the send has a place in flight: at once, or when an answer frees one. A resend
     * of a send still in flight goes on without taking a second place (it is deduplicated
     * downstream). Cancelling the wait (the connection closed) gives the turn to the next.
     */
    public Mono<Void> place(long userId, String deviceId, String clientMsgId) {
        if (!properties.enabled()) {
            return Mono.empty();
        }
        Key key = new Key(userId, deviceId, clientMsgId);
        if (started.containsKey(key)) {
            return Mono.empty();
        }
        if (waiting.isEmpty() && take(key)) {
            return Mono.empty();
        }
        waited.increment();
        return Mono.<Void>create(sink -> {
                    Waiter waiter = new Waiter(key, sink);
                    sink.onCancel(waiter::cancel);
                    waiting.add(waiter);
                    wake();
                })
                .publishOn(Schedulers.parallel()); // not on the thread of the answer that woke it
    }

    private boolean take(Key key) {
        long now = nanoTime.getAsLong();
        if (!limit.tryAcquire(now)) {
            return false;
        }
        started.put(key, now);
        return true;
    }

    /** Gives the free places to the waiting sends, in order. */
    private synchronized void wake() {
        for (Waiter next = waiting.peek(); next != null; next = waiting.peek()) {
            if (next.cancelled) {
                waiting.poll();
            } else if (take(next.key)) {
                waiting.poll();
                next.sink.success();
            } else {
                return;
            }
        }
    }

    /** The send was answered ({@code sent} or an error from message-service). */
    public void answered(long userId, String deviceId, String clientMsgId) {
        Long since = started.remove(new Key(userId, deviceId, clientMsgId));
        if (since != null) {
            long now = nanoTime.getAsLong();
            limit.release(now - since, now);
            wake();
        }
    }

    /** The send could not be handed to Kafka; the client was told to retry. */
    public void failed(long userId, String deviceId, String clientMsgId) {
        if (started.remove(new Key(userId, deviceId, clientMsgId)) != null) {
            limit.abandon();
            wake();
        }
    }

    /** Frees the places of sends whose answer never came (a lost record, a crashed instance). */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    public void expire() {
        long now = nanoTime.getAsLong();
        long timeout = properties.answerTimeout().toNanos();
        started.forEach((key, since) -> {
            if (now - since >= timeout && started.remove(key, since)) {
                limit.release(timeout, now);
            }
        });
        wake();
    }

    int inFlight() {
        return limit.inFlight();
    }

    int limit() {
        return limit.limit();
    }

    int waiting() {
        return waiting.size();
    }

    private record Key(long userId, String deviceId, String clientMsgId) {}

    private static final class Waiter {
        final Key key;
        final MonoSink<Void> sink;
        volatile boolean cancelled;

        Waiter(Key key, MonoSink<Void> sink) {
            this.key = key;
            this.sink = sink;
        }

        void cancel() {
            cancelled = true;
        }
    }
}
