package io.chatforge.im.message.sync;

import io.chatforge.im.contracts.frame.SyncPageFrame;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sync on behalf of a connected device; the connector vouches for the user (internal token). */
@RestController
@Tag(name = "internal")
class InternalSyncController {
    private final SyncService sync;

    InternalSyncController(SyncService sync) {
        this.sync = sync;
    }

    @PostMapping("/internal/sync")
    @Operation(summary = "A sync page for a user (called by connector-service)")
    SyncPageFrame sync(@RequestBody Request request) {
        return sync.page(
                request.userId(),
                request.ref(),
                SyncController.validated(request.cursors() == null ? Map.of() : request.cursors()),
                request.page().limitOrDefault(),
                request.page().maxBytesOrDefault());
    }

    record Request(long userId, String ref, Map<String, Long> cursors, Integer limit, Integer maxBytes) {
        SyncRequest page() {
            return new SyncRequest(cursors, limit, maxBytes);
        }
    }
}
