package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.Topics;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * A start, or being assigned {@code im.social} partitions anew, is a gap in the events the
 * {@link RelationView} lives on: the view starts over and is rebuilt from friend-service.
 */
@Component
public class RelationGaps implements ConsumerAwareRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(RelationGaps.class);

    private final RelationView view;
    private final RelationRebuild rebuild;
    private final FriendLists friendLists;

    RelationGaps(RelationView view, RelationRebuild rebuild, FriendLists friendLists) {
        this.view = view;
        this.rebuild = rebuild;
        this.friendLists = friendLists;
    }

    /**
     * Positions the consumer at the end now (resolving the offsets before anything is fetched), so
     * every change after this point arrives as an event and every change before it is in the
     * rebuild that starts next.
     */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assignments) {
        consumer.seekToEnd(assignments);
        assignments.forEach(consumer::position);
        view.forgetAll();
        friendLists.forgetAll(); // fetched again as users change presence
        rebuild.start(); // changes from here on arrive as events; what was before comes from friend-service
        log.info("relation view starts over on {} partitions of {}", assignments.size(), Topics.SOCIAL);
    }
}
