package io.chatforge.im.message.sync;

import io.chatforge.im.message.log.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a sync starts in each conversation: after the seq the device holds, but never before the
 * user joined, and never past what they may see. {@code cursors} is that start for every
 * conversation (what the page answers when nothing is missing); {@code behind} the windows still
 * to read, in conversation order.
 */
record SyncPlan(Map<String, Long> cursors, List<Window> behind) {

    static SyncPlan of(List<Window> windows, Map<String, Long> given) {
        Map<String, Long> cursors = new LinkedHashMap<>();
        List<Window> behind = new ArrayList<>();
        for (Window window : windows) {
            long from = Math.max(given.getOrDefault(window.conversationId(), 0L), window.after());
            cursors.put(window.conversationId(), Math.min(from, window.upTo()));
            if (window.upTo() > from) {
                behind.add(new Window(window.conversationId(), from, window.upTo()));
            }
        }
        return new SyncPlan(cursors, behind);
    }
}
