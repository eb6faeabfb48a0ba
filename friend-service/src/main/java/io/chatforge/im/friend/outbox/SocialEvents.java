package io.chatforge.im.friend.outbox;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.social.SocialEvent;
import io.chatforge.im.friend.relation.PairLocks;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a social event in the outbox, inside the transaction of the change it describes; the
 * {@link OutboxRelay} is woken right after commit to send it.
 */
@Component
public class SocialEvents {
    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final PairLocks pairs;
    private final JsonMapper json;
    private final Clock clock;

    SocialEvents(OutboxRepository outbox, OutboxRelay relay, PairLocks pairs, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.pairs = pairs;
        this.json = json;
        this.clock = clock;
    }

    /** One event for {@code userId} (its key) about {@code otherUserId}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String type, long userId, long otherUserId, Long requestId, String message) {
        var event = new SocialEvent(
                SocialEvent.VERSION,
                type,
                UUID.randomUUID().toString(),
                userId,
                otherUserId,
                requestId,
                message,
                clock.instant(),
                // the change locked the pair first: this is the version it made
                pairs.version(userId, otherUserId));
        outbox.save(
                new OutboxEvent(Topics.SOCIAL, Long.toString(userId), json.writeValueAsString(event), clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
