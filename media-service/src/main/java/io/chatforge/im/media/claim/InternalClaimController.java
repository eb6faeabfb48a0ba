package io.chatforge.im.media.claim;

import io.chatforge.im.contracts.frame.MsgIds;
import io.chatforge.im.contracts.media.MediaInternalApi;
import io.chatforge.im.contracts.media.MediaInternalApi.ClaimRequest;
import io.chatforge.im.contracts.media.MediaInternalApi.Claimed;
import io.chatforge.im.media.catalog.MediaCatalog;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * message-service asks, once for a batch of sends, which media are ready and were uploaded by their
 * sender; the ones named are marked as sent (no longer orphans). An id left out of the answer is
 * not that sender's to send.
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
        if (request.claims() == null || request.claims().size() > MediaInternalApi.MAX_IDS) {
            throw ApiProblem.badRequest("validation_failed", "at most " + MediaInternalApi.MAX_IDS + " claims");
        }
        Map<Long, Long> ownerOf = new HashMap<>();
        for (MediaInternalApi.Claim claim : request.claims()) {
            Long id = MsgIds.parse(claim.mediaId());
            if (id != null) {
                ownerOf.put(id, claim.userId());
            }
        }
        return catalog.claim(ownerOf, clock.millis()).stream()
                .map(m -> new Claimed(m.ownerId(), m.kind(), m.info()))
                .toList();
    }
}
