package io.chatforge.im.message.media;

import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.media.MediaInternalApi;
import io.chatforge.im.service.resilience.ResilientCalls;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Media sends of a batch, vouched for by media-service: one call for the batch (texts never
 * call). What comes back is what the message will carry, never what the client declared.
 */
@Component
public class MediaClaims {
    static final String MEDIA_SERVICE = "media-service";

    private final MediaClaimClient client;
    private final ResilientCalls resilient;

    MediaClaims(MediaClaimClient client, ResilientCalls resilient) {
        this.client = client;
        this.resilient = resilient;
    }

    /** A sender's media object. */
    public record Key(long senderId, String mediaId) {}

    /** The kind and object of each (sender, media) that is ready and the sender's own; others are absent. */
    public Map<Key, Claimed> claim(Collection<Key> keys) {
        Map<Key, Claimed> claimed = new HashMap<>();
        List<MediaInternalApi.Claim> asked = new LinkedHashSet<>(keys)
                .stream()
                        .map(k -> new MediaInternalApi.Claim(k.senderId(), k.mediaId()))
                        .toList();
        for (int from = 0; from < asked.size(); from += MediaInternalApi.MAX_IDS) {
            var request = new MediaInternalApi.ClaimRequest(
                    asked.subList(from, Math.min(asked.size(), from + MediaInternalApi.MAX_IDS)));
            for (MediaInternalApi.Claimed c : resilient.call(MEDIA_SERVICE, () -> client.claim(request))) {
                claimed.put(new Key(c.userId(), c.media().mediaId()), new Claimed(c.kind(), c.media()));
            }
        }
        return claimed;
    }

    /** A ready object and the kind it was uploaded as. */
    public record Claimed(String kind, MediaInfo media) {}
}
