package io.chatforge.im.contracts.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A change in the social graph, published on {@code im.social} keyed by {@link #userId}: the user
 * the change concerns and whose devices should hear of it. Consumers ignore unknown fields and
 * deduplicate by {@link #eventId} (delivery is at least once).
 *
 * @param version schema version of this record, {@value #VERSION} today
 * @param type one of the {@code *} constants of {@link SocialEventType}
 * @param eventId unique id of this event
 * @param userId the user the event concerns (the record's Kafka key)
 * @param otherUserId the other party
 * @param requestId the friend request involved, if any
 * @param message the request's message, for {@code friend.request.received}
 * @param occurredAt when the change was committed
 * @param pairVersion the version of the pair ({@code userId}, {@code otherUserId}) after the change
 *     (friend-service counts every change of a pair); 0 when not known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SocialEvent(
        int version,
        String type,
        String eventId,
        long userId,
        long otherUserId,
        Long requestId,
        String message,
        Instant occurredAt,
        long pairVersion) {
    public static final int VERSION = 1;
}
