package io.chatforge.im.message.push;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import io.chatforge.im.message.log.LogQueries;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a future push-notification service about messages for users with no connected device,
 * with whether the user muted the conversation (one key lookup, only for users offline).
 */
@Component
class OfflinePublisher {
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final LogQueries log;

    OfflinePublisher(KafkaTemplate<String, String> kafka, JsonMapper json, LogQueries log) {
        this.kafka = kafka;
        this.json = json;
        this.log = log;
    }

    void publish(OfflineEvent event) {
        OfflineEvent told = event.withMuted(log.muted(event.userId(), event.conversationId()));
        kafka.send(Topics.OFFLINE, Long.toString(told.userId()), json.writeValueAsString(told));
    }
}
