package io.chatforge.im.contracts.frame;

import java.util.List;
import java.util.Map;

/**
 * One page of missed messages, in order per conversation. {@code cursors} holds, per
 * conversation, the last seq this page covers: send them back in the next sync while
 * {@code hasMore}.
 */
public record SyncPageFrame(
        String type, String ref, List<MsgFrame> messages, Map<String, Long> cursors, boolean hasMore) {

    public SyncPageFrame(String ref, List<MsgFrame> messages, Map<String, Long> cursors, boolean hasMore) {
        this(FrameTypes.SYNC_PAGE, ref, messages, cursors, hasMore);
    }
}
