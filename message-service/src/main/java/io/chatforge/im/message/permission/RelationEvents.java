package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.social.SocialEvent;
import io.chatforge.im.contracts.social.SocialEventType;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds this instance's {@link RelationView} and {@link FriendLists} from {@code im.social}: every instance reads every
 * event (a consumer group of its own, from the end, committing nothing), and each change of a
 * relation drops the copies older than the version it made. Being assigned partitions anew is a
 * gap: whatever happened meanwhile was not seen, so the view starts over ({@link RelationGaps}).
 */
@Component
class RelationEvents {
    /** The events that change how two users stand; requests alone change nothing. */
    static final Set<String> CHANGES = Set.of(
            SocialEventType.REQUEST_ACCEPTED,
            SocialEventType.FRIENDSHIP_REMOVED,
            SocialEventType.BLOCK_ADDED,
            SocialEventType.BLOCK_REMOVED);

    private static final Logger log = LoggerFactory.getLogger(RelationEvents.class);

    private final RelationView view;
    private final FriendLists friendLists;
    private final JsonMapper json;

    RelationEvents(RelationView view, FriendLists friendLists, JsonMapper json) {
        this.view = view;
        this.friendLists = friendLists;
        this.json = json;
    }

    @KafkaListener(
            id = "relation-view",
            groupId = "${im.message.consumer-group}-relations-${random.uuid}",
            topics = Topics.SOCIAL,
            containerFactory = "relationViewListenerFactory",
            properties = {"auto.offset.reset=latest"})
    void onBatch(List<ConsumerRecord<String, String>> batch) {
        for (ConsumerRecord<String, String> record : batch) {
            try {
                apply(json.readValue(record.value(), SocialEvent.class));
            } catch (RuntimeException unreadable) {
                // not knowing which pair changed, nothing cached can be trusted
                log.warn(
                        "social event at offset {} unreadable, forgetting all relations: {}",
                        record.offset(),
                        unreadable.toString());
                view.forgetAll();
                friendLists.forgetAll();
            }
        }
    }

    void apply(SocialEvent event) {
        if (CHANGES.contains(event.type())) {
            view.changed(event.userId(), event.otherUserId(), event.pairVersion());
            friendLists.changed(event.userId(), event.otherUserId());
        }
    }
}
