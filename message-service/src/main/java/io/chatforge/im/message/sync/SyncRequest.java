package io.chatforge.im.message.sync;

import java.util.Map;

/** The last seq a device holds per conversation (absent: none), and the page size (default 200). */
record SyncRequest(Map<String, Long> cursors, Integer limit) {

    Map<String, Long> cursorsOrEmpty() {
        return cursors == null ? Map.of() : cursors;
    }

    int limitOrDefault() {
        return limit == null ? 200 : limit;
    }
}
