package io.chatforge.im.media.access;

import io.chatforge.im.contracts.media.MediaInternalApi;
import io.chatforge.im.media.catalog.Media;
import io.chatforge.im.service.resilience.ResilientCalls;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may download an object: its uploader, and members of a conversation with a message that
 * carries it (message-service knows those). References are asked for in batches by the sweeper.
 */
@Component
public class MediaReaders {
    static final String MESSAGE_SERVICE = "message-service";

    private final MessageMediaClient messages;
    private final ResilientCalls resilient;

    MediaReaders(MessageMediaClient messages, ResilientCalls resilient) {
        this.messages = messages;
        this.resilient = resilient;
    }

    public boolean mayRead(long userId, Media media) {
        if (media.ownerId() == userId) {
            return true;
        }
        return media.claimedAt() != null
                && resilient
                        .call(MESSAGE_SERVICE, () -> messages.readable(Long.toString(media.id()), userId))
                        .readable();
    }

    /** The ids among these that some message still carries. */
    public Set<Long> referenced(Collection<Long> ids) {
        List<String> asked = ids.stream().map(String::valueOf).toList();
        var answer = resilient.call(MESSAGE_SERVICE, () -> messages.referenced(new MediaInternalApi.MediaIds(asked)));
        Set<Long> found = new HashSet<>();
        answer.mediaIds().forEach(id -> found.add(Long.parseLong(id)));
        return found;
    }
}
