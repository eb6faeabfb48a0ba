package io.chatforge.im.message.sync;

import io.chatforge.im.contracts.frame.SyncLimits;
import java.util.Map;

/**
 * The last seq a device holds per conversation (absent: none), the page size in messages (default
 * 200) and in bytes of JSON (default and most {@link SyncLimits#MAX_BYTES}).
 */
record SyncRequest(Map<String, Long> cursors, Integer limit, Integer maxBytes) {

    Map<String, Long> cursorsOrEmpty() {
        return cursors == null ? Map.of() : cursors;
    }

    int limitOrDefault() {
        return limit == null ? SyncLimits.DEFAULT_LIMIT : limit;
    }

    int maxBytesOrDefault() {
        return maxBytes == null ? SyncLimits.MAX_BYTES : maxBytes;
    }
}
