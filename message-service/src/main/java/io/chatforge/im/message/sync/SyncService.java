package io.chatforge.im.message.sync;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.SyncPageFrame;
import io.chatforge.im.message.log.LogQueries;
import io.chatforge.im.message.log.Window;
import io.chatforge.im.service.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What a device missed: given the last seq it holds per conversation (absent: none), every later
 * message of every conversation of the user, in seq order, page by page. Sequence numbers are the
 * truth: a device that syncs with the cursors of each page gets each message exactly once.
 */
@Service
public class SyncService {
    static final int MAX_LIMIT = 500;

    private final LogQueries log;

    SyncService(LogQueries log) {
        this.log = log;
    }

    public SyncPageFrame page(long userId, String ref, Map<String, Long> given, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("validation_failed", "limit must be 1 to " + MAX_LIMIT);
        }
        SyncPlan plan = SyncPlan.of(log.windows(userId), given);
        Map<String, Long> cursors = new LinkedHashMap<>(plan.cursors());
        List<MsgFrame> messages = new ArrayList<>();
        boolean hasMore = false;
        for (Window behind : plan.behind()) {
            int room = limit - messages.size();
            if (room == 0) {
                hasMore = true;
                break;
            }
            // a former member reads up to their leaving, not beyond
            List<MsgFrame> page = log.oldestAfter(behind.conversationId(), behind.after(), behind.upTo(), room);
            messages.addAll(page);
            long reached =
                    page.isEmpty() ? behind.after() : page.get(page.size() - 1).seq();
            cursors.put(behind.conversationId(), reached);
            hasMore |= reached < behind.upTo();
        }
        return new SyncPageFrame(ref, messages, cursors, hasMore);
    }
}
