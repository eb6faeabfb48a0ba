package io.chatforge.im.message.push;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Tells a future push-notification service about messages for users with no connected device. */
@Component
class OfflinePublisher {
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    OfflinePublisher(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    void publish(OfflineEvent event) {
        kafka.send(Topics.OFFLINE, Long.toString(event.userId()), json.writeValueAsString(event));
    }
}
