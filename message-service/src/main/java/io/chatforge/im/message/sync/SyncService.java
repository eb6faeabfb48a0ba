package io.chatforge.im.message.sync;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.SyncLimits;
import io.chatforge.im.contracts.frame.SyncPageFrame;
import io.chatforge.im.message.log.LogQueries;
import io.chatforge.im.message.log.Window;
import io.chatforge.im.service.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a device missed: given the last seq it holds per conversation (absent: none), every later
 * message of every conversation of the user, in seq order, page by page. Sequence numbers are the
 * truth: a device that syncs with the cursors of each page gets each message exactly once. A page
 * ends at {@code limit} messages or at {@code maxBytes} of JSON, whichever comes first
 * ({@link io.chatforge.im.contracts.frame.FrameBudget}): a page that no hop can relay would never
 * arrive, and the device would ask for it again forever.
 */
@Service
public class SyncService {
    static final int MAX_LIMIT = SyncLimits.MAX_LIMIT;
    /** rows read at a time: a page of long texts is full long before its limit */
    private static final int CHUNK = 50;

    private final LogQueries log;
    private final JsonMapper json;

    SyncService(LogQueries log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    public SyncPageFrame page(long userId, String ref, Map<String, Long> given, int limit) {
        return page(userId, ref, given, limit, SyncLimits.MAX_BYTES);
    }

    public SyncPageFrame page(long userId, String ref, Map<String, Long> given, int limit, int maxBytes) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("validation_failed", "limit must be 1 to " + MAX_LIMIT)
                    .with("field", "limit");
        }
        if (maxBytes < SyncLimits.MIN_BYTES || maxBytes > SyncLimits.MAX_BYTES) {
            throw ApiProblem.badRequest(
                            "validation_failed",
                            "maxBytes must be " + SyncLimits.MIN_BYTES + " to " + SyncLimits.MAX_BYTES)
                    .with("field", "maxBytes");
        }
        SyncPlan plan = SyncPlan.of(log.windows(userId), given);
        Map<String, Long> cursors = new LinkedHashMap<>(plan.cursors());
        PageBudget budget = new PageBudget(maxBytes, envelopeBytes(ref, plan));
        List<MsgFrame> messages = new ArrayList<>();
        boolean full = false;
        for (Window behind : plan.behind()) {
            if (full || messages.size() == limit) {
                return new SyncPageFrame(ref, messages, cursors, true);
            }
            long reached = behind.after();
            // a former member reads up to their leaving, not beyond
            while (!full && reached < behind.upTo() && messages.size() < limit) {
                int asked = Math.min(CHUNK, limit - messages.size());
                List<MsgFrame> chunk =
                        log.oldestAfter(userId, behind.conversationId(), reached, behind.upTo(), asked, true);
                for (MsgFrame message : chunk) {
                    if (!budget.take(json.writeValueAsBytes(message).length)) {
                        full = true;
                        break;
                    }
                    messages.add(message);
                    reached = message.seq();
                }
                if (!full && chunk.size() < asked) {
                    reached = behind.upTo(); // nothing more up to the window's end
                }
            }
            cursors.put(behind.conversationId(), reached);
            if (reached < behind.upTo() && (full || messages.size() == limit)) {
                return new SyncPageFrame(ref, messages, cursors, true);
            }
        }
        return new SyncPageFrame(ref, messages, cursors, false);
    }

    /** The page without messages, each cursor at the largest value it can take: an upper bound. */
    private long envelopeBytes(String ref, SyncPlan plan) {
        Map<String, Long> widest = new LinkedHashMap<>(plan.cursors());
        plan.behind().forEach(w -> widest.put(w.conversationId(), w.upTo()));
        return json.writeValueAsBytes(new SyncPageFrame(ref, List.of(), widest, false)).length;
    }
}
