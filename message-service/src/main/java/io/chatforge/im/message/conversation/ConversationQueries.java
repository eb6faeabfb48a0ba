package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.message.group.GroupDirectory;
import io.chatforge.im.message.log.LogQueries;
import io.chatforge.im.message.log.Membership;
import io.chatforge.im.message.log.Window;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Conversation lists and history, for members only. */
@Component
class ConversationQueries {
    static final int MAX_PAGE = 100;
    static final int MAX_HISTORY = 200;

    private final LogQueries log;
    private final GroupDirectory groups;

    ConversationQueries(LogQueries log, GroupDirectory groups) {
        this.log = log;
        this.groups = groups;
    }

    PageView<ConversationView> list(long userId, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw ApiProblem.badRequest("validation_failed", "page must be >= 0 and size between 1 and " + MAX_PAGE);
        }
        List<Membership> rows = log.conversations(userId, (long) page * size, size + 1);
        boolean hasNext = rows.size() > size;
        List<Membership> shown = hasNext ? rows.subList(0, size) : rows;
        Map<Long, GroupDirectory.Label> labels = groups.labels(shown.stream()
                .map(m -> ConversationIds.groupId(m.conversationId()))
                .filter(Objects::nonNull)
                .toList());
        return new PageView<>(shown.stream().map(m -> view(m, labels)).toList(), page, size, hasNext);
    }

    private static ConversationView view(Membership m, Map<Long, GroupDirectory.Label> labels) {
        Long groupId = ConversationIds.groupId(m.conversationId());
        GroupDirectory.Label label = groupId == null ? null : labels.get(groupId);
        return new ConversationView(
                m.conversationId(),
                m.kind(),
                m.isGroup() ? null : new ConversationView.Peer(m.peerId(), m.peerReadSeq()),
                m.isGroup()
                        ? new ConversationView.Group(
                                groupId, label == null ? null : label.name(), label == null ? null : label.avatar())
                        : null,
                m.visibleSeq(),
                m.readSeq(),
                m.unread(),
                m.unreadMentions(),
                m.muted(),
                m.pinned(),
                m.left(),
                m.lastMessage());
    }

    /**
     * A page of history, oldest first: after {@code afterSeq}, or the newest before
     * {@code beforeSeq}, or the newest of all; messages with their state folded in, and the
     * entries that changed them only {@code withChanges}.
     */
    List<MsgFrame> history(
            long userId, String conversationId, Long afterSeq, Long beforeSeq, int limit, boolean withChanges) {
        Window window = requireMember(userId, conversationId);
        if (limit < 1 || limit > MAX_HISTORY) {
            throw ApiProblem.badRequest("validation_failed", "limit must be 1 to " + MAX_HISTORY);
        }
        if (afterSeq != null && beforeSeq != null) {
            throw ApiProblem.badRequest("validation_failed", "give afterSeq or beforeSeq, not both");
        }
        if (afterSeq != null) {
            return log.oldestAfter(
                    userId, conversationId, Math.max(window.after(), afterSeq), window.upTo(), limit, withChanges);
        }
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        return log.newestBefore(userId, conversationId, window.after(), window.upTo(), before, limit, withChanges);
    }

    /** The part of the conversation the user may read. */
    Window requireMember(long userId, String conversationId) {
        if (!ConversationIds.isWellFormed(conversationId)) {
            throw ApiProblem.badRequest("validation_failed", "not a conversation id");
        }
        return log.window(userId, conversationId)
                .orElseThrow(() -> ApiProblem.notFound("conversation_not_found", "no such conversation of yours"));
    }
}
