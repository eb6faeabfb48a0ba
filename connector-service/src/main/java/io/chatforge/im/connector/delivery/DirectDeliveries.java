package io.chatforge.im.connector.delivery;

import io.chatforge.im.connector.kafka.KafkaSender;
import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.DeliveryHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/** Orders another connector (by its slot) to close a device's old session there. */
@Component
public class DirectDeliveries {
    private final KafkaSender kafka;

    DirectDeliveries(KafkaSender kafka) {
        this.kafka = kafka;
    }

    public void kick(int slot, long userId, String deviceId, String exceptSession, String kickedFrame) {
        var record = new ProducerRecord<>(Topics.DELIVER, slot, Long.toString(userId), kickedFrame);
        record.headers().add(DeliveryHeaders.USER, Long.toString(userId).getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeliveryHeaders.DEVICE, deviceId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeliveryHeaders.KICK_EXCEPT_SESSION, exceptSession.getBytes(StandardCharsets.UTF_8));
        kafka.send(record);
    }
}
