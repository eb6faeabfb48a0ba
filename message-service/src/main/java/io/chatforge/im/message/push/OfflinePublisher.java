package io.chatforge.im.message.push;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import io.chatforge.im.message.log.LogQueries;
import java.util.List;
import java.util.Set;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a future push-notification service about messages for users with no connected device,
 * with whether the user muted the conversation (one query per batch, only when someone is offline).
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

    void publish(List<OfflineEvent> events) {
        Set<List<Object>> muted = log.mutedAmong(events.stream()
                .map(e -> List.<Object>of(e.userId(), e.conversationId()))
                .toList());
        for (OfflineEvent event : events) {
            OfflineEvent told = event.withMuted(muted.contains(List.of(event.userId(), event.conversationId())));
            kafka.send(Topics.OFFLINE, Long.toString(told.userId()), json.writeValueAsString(told));
        }
    }
}
