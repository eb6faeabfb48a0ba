package io.chatforge.im.message.push;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.DeliveryHeaders;
import io.chatforge.im.contracts.messaging.PresenceKeys.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends frames to the connector slots that hold the recipients' devices: one record per user and
 * slot, never one per pod or per device, and nothing for users with no live device.
 */
@Component
class DeliveryPublisher {
    private final KafkaTemplate<String, String> kafka;
    private final Counter records;

    DeliveryPublisher(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.records = Counter.builder("im.message.deliveries")
                .description("records produced to im.deliver")
                .register(meters);
    }

    /** To every device of the user except {@code exceptDevice} (null: all of them). */
    void toUser(long userId, Map<String, Route> devices, String exceptDevice, String frame) {
        Set<Integer> slots = new HashSet<>();
        devices.forEach((device, route) -> {
            if (!device.equals(exceptDevice)) {
                slots.add(route.slot());
            }
        });
        for (int slot : slots) {
            send(slot, userId, null, exceptDevice, frame);
        }
    }

    /** To one device, on the slot it is known to be on (the sender's own, for sent and error). */
    void toDevice(int slot, long userId, String deviceId, String frame) {
        send(slot, userId, deviceId, null, frame);
    }

    private void send(int slot, long userId, String onlyDevice, String exceptDevice, String frame) {
        String user = Long.toString(userId);
        var record = new ProducerRecord<>(Topics.DELIVER, slot, user, frame);
        record.headers().add(DeliveryHeaders.USER, user.getBytes(StandardCharsets.UTF_8));
        if (onlyDevice != null) {
            record.headers().add(DeliveryHeaders.DEVICE, onlyDevice.getBytes(StandardCharsets.UTF_8));
        }
        if (exceptDevice != null) {
            record.headers().add(DeliveryHeaders.EXCLUDE_DEVICE, exceptDevice.getBytes(StandardCharsets.UTF_8));
        }
        kafka.send(record);
        records.increment();
    }
}
