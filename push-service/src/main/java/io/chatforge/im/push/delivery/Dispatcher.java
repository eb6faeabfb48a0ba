package io.chatforge.im.push.delivery;

import io.chatforge.im.push.content.Notification;
import io.chatforge.im.push.device.PushDevices;
import io.chatforge.im.push.device.Registration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends pushes off the consumer's thread: at most {@code concurrency} requests in flight per
 * provider, another try after a 429, a 5xx or no answer (jittered backoff, Retry-After honoured),
 * a registration the provider says is gone deleted. Counts sent, failed, retried and removed, and
 * times each push from the message's store to the provider's answer.
 */
@Component
class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, Provider> providers;
    private final Map<String, Semaphore> inFlight;
    private final PushDevices devices;
    private final DeliveryProperties properties;
    private final Backoff backoff;
    private final ScheduledExecutorService workers;
    private final MeterRegistry meters;
    private final Map<String, Timer> latency = new java.util.concurrent.ConcurrentHashMap<>();

    Dispatcher(List<Provider> providers, PushDevices devices, DeliveryProperties properties, MeterRegistry meters) {
        this.providers = providers.stream().collect(Collectors.toMap(Provider::name, Function.identity()));
        this.inFlight = providers.stream()
                .collect(Collectors.toMap(Provider::name, p -> new Semaphore(properties.concurrency())));
        this.devices = devices;
        this.properties = properties;
        this.backoff = new Backoff(properties.firstBackoff(), properties.maxBackoff(), () -> ThreadLocalRandom.current()
                .nextDouble());
        this.workers = Executors.newScheduledThreadPool(Math.max(2, properties.concurrency()), r -> {
            Thread t = new Thread(r, "push-send");
            t.setDaemon(true);
            return t;
        });
        this.meters = meters;
    }

    /** True when a provider serves this registration and has credentials. */
    boolean canSend(Registration registration) {
        Provider provider = providers.get(registration.provider());
        return provider != null && provider.enabled();
    }

    void send(Registration registration, Notification notification, long storedAt) {
        workers.execute(() -> attempt(registration, notification, storedAt, 1));
    }

    private void attempt(Registration registration, Notification notification, long storedAt, int attempt) {
        Provider provider = providers.get(registration.provider());
        Semaphore slots = inFlight.get(provider.name());
        Outcome outcome;
        try {
            slots.acquire();
            try {
                outcome = provider.send(registration, notification);
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.warn("push to {} device {} failed: {}", provider.name(), registration.deviceId(), e.toString());
            outcome = Outcome.unreachable();
        }
        switch (outcome.kind()) {
            case DELIVERED -> {
                count("sent", provider);
                latency.computeIfAbsent(provider.name(), name -> Timer.builder("im.push.latency")
                                .description("from the message being stored to the provider accepting its push")
                                .tag("provider", name)
                                .publishPercentileHistogram()
                                .register(meters))
                        .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - storedAt)));
            }
            case GONE -> {
                devices.forget(registration);
                count("removed", provider);
            }
            case RETRY -> {
                if (attempt >= properties.attempts()) {
                    count("failed", provider);
                    log.info(
                            "push to {} device {} given up after {} attempts ({})",
                            provider.name(),
                            registration.deviceId(),
                            attempt,
                            outcome.status());
                } else {
                    count("retried", provider);
                    Duration wait = backoff.after(attempt, outcome.retryAfter());
                    workers.schedule(
                            () -> attempt(registration, notification, storedAt, attempt + 1),
                            wait.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
            case FAILED -> {
                count("failed", provider);
                log.info(
                        "push to {} device {} refused: {}", provider.name(), registration.deviceId(), outcome.status());
            }
        }
    }

    private void count(String what, Provider provider) {
        meters.counter("im.push." + what, "provider", provider.name()).increment();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
