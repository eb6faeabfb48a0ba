package io.chatforge.im.message.social;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.frame.EventFrame;
import io.chatforge.im.contracts.social.SocialEvent;
import io.chatforge.im.message.delivery.DeliveryPublisher;
import io.chatforge.im.message.delivery.Recipients;
import io.chatforge.im.message.delivery.RouteLookup;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private final RouteLookup routes;
    private final DeliveryPublisher deliveries;
    private final JsonMapper json;

    SocialEventRouter(RouteLookup routes, DeliveryPublisher deliveries, JsonMapper json) {
        this.routes = routes;
        this.deliveries = deliveries;
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
        Set<Long> users = new HashSet<>();
        events.forEach(e -> users.add(e.userId()));
        Recipients recipients = new Recipients(routes.devices(users));
        for (SocialEvent event : events) {
            if (recipients.isOnline(event.userId())) {
                String frame = json.writeValueAsString(new EventFrame(event.type(), event));
                deliveries.toUser(event.userId(), recipients.of(event.userId()), null, frame);
            }
        }
    }
}
