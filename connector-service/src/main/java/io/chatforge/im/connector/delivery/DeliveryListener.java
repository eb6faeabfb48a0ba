package io.chatforge.im.connector.delivery;

import io.chatforge.im.connector.route.SlotLease;
import io.chatforge.im.connector.session.ClientSession;
import io.chatforge.im.connector.session.CloseCodes;
import io.chatforge.im.connector.session.SessionRegistry;
import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.DeliveryHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads this pod's slot of {@code im.deliver}, and only that, and pushes each frame to the local
 * sessions its headers name. It starts at the partition's end: whatever was queued before this
 * pod held the slot is for devices that have reconnected and synced since.
 */
@Component
public class DeliveryListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeliveryListener.class);
    /** A record ends a poll at once; a slot change or a stop wakes it. A long one saves idle wake-ups. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(5);

    private final SessionRegistry sessions;
    private final SlotLease slots;
    private final Map<String, Object> consumerConfig;
    private final Counter delivered;
    private final Counter skipped;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile int assignedSlot = -1;
    private volatile int wantedSlot;
    private volatile boolean running;
    private Thread worker;

    DeliveryListener(SessionRegistry sessions, SlotLease slots, KafkaProperties kafka, MeterRegistry meters) {
        this.sessions = sessions;
        this.slots = slots;
        this.consumerConfig = kafka.buildConsumerProperties();
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned, not subscribed
        this.delivered = Counter.builder("im.connector.deliveries")
                .description("frames pushed to local sessions from im.deliver")
                .register(meters);
        this.skipped = Counter.builder("im.connector.deliveries.skipped")
                .description("im.deliver records that could not be read (caught up by sync)")
                .register(meters);
        slots.onChange(slot -> {
            wantedSlot = slot;
            KafkaConsumer<String, String> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        });
    }

    @Override
    public void start() {
        running = true;
        wantedSlot = slots.slot();
        worker = new Thread(this::run, "delivery-listener");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server accepts connections, stops after they are drained. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void run() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig)) {
            consumer = c;
            while (running) {
                try {
                    if (assignedSlot != wantedSlot) {
                        var partition = new TopicPartition(Topics.DELIVER, wantedSlot);
                        c.assign(List.of(partition));
                        c.seekToEnd(List.of(partition));
                        c.position(partition);
                        assignedSlot = wantedSlot;
                        log.info("reading delivery slot {}", assignedSlot);
                    }
                    for (ConsumerRecord<String, String> record : c.poll(POLL_TIMEOUT)) {
                        deliverOrSkip(record);
                    }
                } catch (WakeupException wakeup) {
                    // slot changed or stopping
                } catch (RuntimeException e) {
                    log.warn("delivery poll failed: {}", e.toString());
                }
            }
        } finally {
            consumer = null;
        }
    }

    /**
     * One bad record must not cost the others of its poll (their position is passed already). A
     * delivery is a push: a skipped one is caught up by the device's next sync.
     */
    private void deliverOrSkip(ConsumerRecord<String, String> record) {
        try {
            deliver(record);
        } catch (RuntimeException e) {
            skipped.increment();
            log.warn(
                    "skipping delivery {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    private void deliver(ConsumerRecord<String, String> record) {
        String user = header(record, DeliveryHeaders.USER);
        if (user == null) {
            return;
        }
        long userId = Long.parseLong(user);
        String device = header(record, DeliveryHeaders.DEVICE);
        String kickExcept = header(record, DeliveryHeaders.KICK_EXCEPT_SESSION);
        if (kickExcept != null) {
            ClientSession stale = sessions.find(userId, device);
            if (stale != null && !stale.id().equals(kickExcept)) {
                stale.sendAndClose(record.value(), CloseCodes.REPLACED);
            }
            return;
        }
        int n = sessions.deliver(userId, device, header(record, DeliveryHeaders.EXCLUDE_DEVICE), record.value());
        delivered.increment(n);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
