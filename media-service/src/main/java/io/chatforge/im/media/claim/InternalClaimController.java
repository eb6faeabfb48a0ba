package io.chatforge.im.media.claim;

import io.chatforge.im.contracts.media.MediaInternalApi;
import io.chatforge.im.contracts.media.MediaInternalApi.ClaimRequest;
import io.chatforge.im.contracts.media.MediaInternalApi.Claimed;
import io.chatforge.im.media.catalog.MediaCatalog;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * message-service asks, for a batch of sends, which media are ready and were uploaded by their
 * sender; the ones named are marked as sent (no longer orphans). An id left out of the answer is
 * not the sender's to send.
 */
@RestController
class InternalClaimController {
    private final MediaCatalog catalog;
    private final Clock clock;

    InternalClaimController(MediaCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @PostMapping(MediaInternalApi.CLAIMS)
    List<Claimed> claim(@RequestBody ClaimRequest request) {
        if (request.mediaIds() == null || request.mediaIds().size() > MediaInternalApi.MAX_IDS) {
            throw ApiProblem.badRequest("validation_failed", "at most " + MediaInternalApi.MAX_IDS + " media ids");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : request.mediaIds()) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException notAnId) {
                // not a media id: not claimable
            }
        }
        return catalog.claim(request.userId(), ids, clock.millis()).stream()
                .map(m -> new Claimed(m.kind(), m.info()))
                .toList();
    }
}
