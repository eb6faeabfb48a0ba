package io.chatforge.im.message.sync;

import io.chatforge.im.contracts.frame.SyncLimits;
import io.chatforge.im.contracts.frame.SyncPageFrame;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "sync")
class SyncController {
    private final SyncService sync;

    SyncController(SyncService sync) {
        this.sync = sync;
    }

    @PostMapping("/api/sync")
    @Operation(
            summary =
                    "Missed messages after the given cursors, in order, one page of at most limit messages and maxBytes bytes (same as the sync frame)")
    SyncPageFrame sync(@AuthenticationPrincipal ImPrincipal me, @RequestBody SyncRequest request) {
        return sync.page(
                me.userId(),
                null,
                validated(request.cursorsOrEmpty()),
                request.limitOrDefault(),
                request.maxBytesOrDefault());
    }

    static Map<String, Long> validated(Map<String, Long> cursors) {
        if (cursors.size() > SyncLimits.MAX_CURSORS) {
            throw ApiProblem.badRequest(
                            "validation_failed",
                            "cursors may name at most " + SyncLimits.MAX_CURSORS + " conversations")
                    .with("field", "cursors");
        }
        cursors.forEach((id, seq) -> {
            if (!ConversationIds.isWellFormed(id) || seq == null || seq < 0) {
                throw ApiProblem.badRequest("validation_failed", "cursors maps conversation ids to seqs >= 0");
            }
        });
        return cursors;
    }
}
