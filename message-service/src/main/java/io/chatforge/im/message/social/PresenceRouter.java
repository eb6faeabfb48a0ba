package io.chatforge.im.message.social;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.frame.EventFrame;
import io.chatforge.im.contracts.messaging.PresenceEvent;
import io.chatforge.im.message.permission.FriendLists;
import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import io.chatforge.im.service.resilience.ResilientCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a user's online friends that the user came online or went offline (the connectors
 * already debounced it): {@code event {kind: "presence", data: {userId, online}}}. The cost is
 * one route lookup per batch of changes, for all the friends they concern, and a friend-list call
 * the first time a user changes ({@link FriendLists} keeps the lists).
 * Friend lists have a circuit breaker of their own: a connect storm that times them out must not
 * open the breaker of the relation checks, which would refuse every send meanwhile.
 */
@Component
class PresenceRouter {
    static final String FRIEND_LISTS = "friend-lists";
    private static final Logger log = LoggerFactory.getLogger(PresenceRouter.class);

    private final FriendLists friends;
    private final ResilientCalls resilient;
    private final Push push;
    private final JsonMapper json;

    PresenceRouter(FriendLists friends, ResilientCalls resilient, Push push, JsonMapper json) {
        this.friends = friends;
        this.resilient = resilient;
        this.push = push;
        this.json = json;
    }

    @KafkaListener(
            id = "presence-router",
            groupId = "${im.message.consumer-group}-presence",
            topics = Topics.PRESENCE,
            containerFactory = "eventListenerFactory")
    void onBatch(List<ConsumerRecord<String, String>> batch) {
        List<PresenceEvent> events = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> record : batch) {
            try {
                events.add(json.readValue(record.value(), PresenceEvent.class));
            } catch (RuntimeException e) {
                log.warn("presence change at offset {} unreadable: {}", record.offset(), e.toString());
            }
        }
        // one route lookup for the friends of the whole batch, not one per change
        List<Delivery> deliveries = new ArrayList<>(events.size());
        for (PresenceEvent event : events) {
            try {
                announcement(event).ifPresent(deliveries::add);
            } catch (RuntimeException e) {
                log.warn("presence change of user {} not announced: {}", event.userId(), e.toString());
            }
        }
        if (!deliveries.isEmpty()) {
            push.deliver(deliveries);
        }
    }

    private Optional<Delivery> announcement(PresenceEvent event) {
        List<Long> friendIds = friends.kept(event.userId())
                .orElseGet(() -> resilient.call(FRIEND_LISTS, () -> friends.fetch(event.userId())));
        if (friendIds.isEmpty()) {
            return Optional.empty();
        }
        String frame = json.writeValueAsString(
                new EventFrame(EventFrame.PRESENCE, Map.of("userId", event.userId(), "online", event.online())));
        return Optional.of(Delivery.toUsers(frame, friendIds));
    }
}
