package io.chatforge.im.message.social;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.frame.EventFrame;
import io.chatforge.im.contracts.social.SocialEvent;
import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes social events (friend request received, accepted, ...) to the online devices of the user
 * each concerns, as {@code event {kind: <type>, data: <event>}}, through the same slots as
 * messages. Offline users see the change in their lists the next time they look.
 */
@Component
class SocialEventRouter {
    private static final Logger log = LoggerFactory.getLogger(SocialEventRouter.class);

    private final Push push;
    private final JsonMapper json;

    SocialEventRouter(Push push, JsonMapper json) {
        this.push = push;
        this.json = json;
    }

    @KafkaListener(
            id = "social-router",
            groupId = "${im.message.consumer-group}-social",
            topics = Topics.SOCIAL,
            containerFactory = "eventListenerFactory")
    void onBatch(List<ConsumerRecord<String, String>> batch) {
        List<SocialEvent> events = batch.stream()
                .map(r -> {
                    try {
                        return json.readValue(r.value(), SocialEvent.class);
                    } catch (RuntimeException unreadable) {
                        log.error("skipping unreadable social event at offset {}", r.offset());
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .toList();
        push.deliver(events.stream()
                .map(event -> Delivery.toUsers(
                        json.writeValueAsString(new EventFrame(event.type(), event)), List.of(event.userId())))
                .toList());
    }
}
