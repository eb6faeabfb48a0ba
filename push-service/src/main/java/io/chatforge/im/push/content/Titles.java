package io.chatforge.im.push.content;

import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import io.chatforge.im.contracts.user.UserBatchRequest;
import io.chatforge.im.contracts.user.UserSummary;
import io.chatforge.im.service.resilience.ResilientCalls;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A notification's title and badge: the sender's nickname (user-service) and the receiver's
 * unread count (message-service), each with a timeout and a breaker. When one cannot answer the
 * push still goes, titled "New message" or without a badge: a late push is worse than a plain one.
 */
@Component
public class Titles {
    private static final Logger log = LoggerFactory.getLogger(Titles.class);

    private final PeopleClient people;
    private final UnreadClient unread;
    private final ResilientCalls resilient;

    Titles(PeopleClient people, UnreadClient unread, ResilientCalls resilient) {
        this.people = people;
        this.unread = unread;
        this.resilient = resilient;
    }

    /** {@code title}: the sender, or the group; {@code sender}: who wrote it, shown before a group message's text. */
    public record Context(String title, long badge, String sender) {
        public Context(String title, long badge) {
            this(title, badge, null);
        }
    }

    public Context of(OfflineEvent event) {
        String sender = senderName(event);
        Long groupId = ConversationIds.groupId(event.conversationId());
        if (groupId == null) {
            return new Context(sender, badge(event));
        }
        return new Context(groupName(groupId), badge(event), sender);
    }

    private String groupName(long groupId) {
        try {
            return resilient
                    .call("message-service", () -> unread.groupName(groupId))
                    .name();
        } catch (RuntimeException e) {
            log.debug("no group name for a push: {}", e.toString());
            return NotificationTexts.HIDDEN;
        }
    }

    private String senderName(OfflineEvent event) {
        try {
            List<UserSummary> found =
                    resilient.call("user-service", () -> people.users(new UserBatchRequest(List.of(event.senderId()))));
            return found.stream()
                    .findFirst()
                    .map(u -> u.nickname() != null && !u.nickname().isBlank() ? u.nickname() : u.username())
                    .orElse(NotificationTexts.HIDDEN);
        } catch (RuntimeException e) {
            log.debug("no title for a push: {}", e.toString());
            return NotificationTexts.HIDDEN;
        }
    }

    private long badge(OfflineEvent event) {
        try {
            return resilient
                    .call("message-service", () -> unread.unread(event.userId()))
                    .unread();
        } catch (RuntimeException e) {
            log.debug("no badge for a push: {}", e.toString());
            return 0;
        }
    }
}
