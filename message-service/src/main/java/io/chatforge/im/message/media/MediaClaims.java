package io.chatforge.im.message.media;

import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.media.MediaInternalApi;
import io.chatforge.im.service.resilience.ResilientCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Media sends of a batch, vouched for by media-service: one call per sender in the batch (texts
 * never call). What comes back is what the message will carry, never what the client declared.
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
    public Map<Key, Claimed> claim(Map<Long, Set<String>> mediaBySender) {
        Map<Key, Claimed> claimed = new HashMap<>();
        mediaBySender.forEach((senderId, ids) -> {
            List<String> asked = new ArrayList<>(new LinkedHashSet<>(ids));
            for (int from = 0; from < asked.size(); from += MediaInternalApi.MAX_IDS) {
                var request = new MediaInternalApi.ClaimRequest(
                        senderId, asked.subList(from, Math.min(asked.size(), from + MediaInternalApi.MAX_IDS)));
                for (MediaInternalApi.Claimed c : resilient.call(MEDIA_SERVICE, () -> client.claim(request))) {
                    claimed.put(new Key(senderId, c.media().mediaId()), new Claimed(c.kind(), c.media()));
                }
            }
        });
        return claimed;
    }

    /** Groups (sender, media id) pairs by sender, in order. */
    public static Map<Long, Set<String>> bySender(List<Key> keys) {
        Map<Long, Set<String>> out = new LinkedHashMap<>();
        keys.forEach(k ->
                out.computeIfAbsent(k.senderId(), s -> new LinkedHashSet<>()).add(k.mediaId()));
        return out;
    }

    /** A ready object and the kind it was uploaded as. */
    public record Claimed(String kind, MediaInfo media) {}
}
