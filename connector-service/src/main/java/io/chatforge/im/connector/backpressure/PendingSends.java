package io.chatforge.im.connector.backpressure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sends of this connector's devices that wait for their answer, by device and clientMsgId,
 * under the adaptive {@link InFlightLimit}. message-service marks its answers to a send
 * ({@code sent} or an error) with the clientMsgId, which frees the place.
 */
@Component
public class PendingSends {
    private final Map<Key, Long> started = new ConcurrentHashMap<>();
    private final BackPressureProperties properties;
    private final InFlightLimit limit;
    private final LongSupplier nanoTime;
    private final Counter shed;

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
        this.shed = Counter.builder("im.connector.sends.shed")
                .description("sends refused with temporarily_unavailable because too many were in flight")
                .register(meters);
        Gauge.builder("im.connector.sends.in-flight", limit, InFlightLimit::inFlight)
                .description("sends handed to Kafka and not answered yet")
                .register(meters);
        Gauge.builder("im.connector.sends.limit", limit, InFlightLimit::limit)
                .description("the adaptive cap on sends in flight")
                .register(meters);
    }

    /**
     * True when the send may go on; false when it must be refused for now. A resend of a send still
     * in flight goes on without taking a second place (it is deduplicated downstream).
     */
    public boolean admit(long userId, String deviceId, String clientMsgId) {
        if (!properties.enabled()) {
            return true;
        }
        Key key = new Key(userId, deviceId, clientMsgId);
        if (started.containsKey(key)) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (!limit.tryAcquire(now)) {
            shed.increment();
            return false;
        }
        started.put(key, now);
        return true;
    }

    /** The send was answered ({@code sent} or an error from message-service). */
    public void answered(long userId, String deviceId, String clientMsgId) {
        Long since = started.remove(new Key(userId, deviceId, clientMsgId));
        if (since != null) {
            long now = nanoTime.getAsLong();
            limit.release(now - since, now);
        }
    }

    /** The send could not be handed to Kafka; the client was told to retry. */
    public void failed(long userId, String deviceId, String clientMsgId) {
        if (started.remove(new Key(userId, deviceId, clientMsgId)) != null) {
            limit.abandon();
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
    }

    int inFlight() {
        return limit.inFlight();
    }

    int limit() {
        return limit.limit();
    }

    private record Key(long userId, String deviceId, String clientMsgId) {}
}
