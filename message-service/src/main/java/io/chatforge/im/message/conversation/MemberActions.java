package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.EventFrame;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MsgIds;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.message.log.Appended;
import io.chatforge.im.message.log.ConversationLog;
import io.chatforge.im.message.log.Draft;
import io.chatforge.im.message.log.MemberSettings;
import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import io.chatforge.im.service.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a member does to their own view of a conversation: delete a message for themselves, clear
 * the conversation, mute or pin it. Deletes and clears are entries of the member's own
 * conversation ({@code u_<userId>}), so a device that was offline applies them at its next sync;
 * the member's devices online hear of each change at once by an {@code event}.
 */
@Component
class MemberActions {
    static final String MESSAGE_DELETED = "message.deleted";
    static final String CONVERSATION_CLEARED = "conversation.cleared";
    static final String CONVERSATION_SETTINGS = "conversation.settings";

    private final ConversationQueries queries;
    private final ConversationLog log;
    private final MemberSettings memberSettings;
    private final Push push;
    private final JsonMapper json;

    MemberActions(
            ConversationQueries queries,
            ConversationLog log,
            MemberSettings memberSettings,
            Push push,
            JsonMapper json) {
        this.queries = queries;
        this.log = log;
        this.memberSettings = memberSettings;
        this.push = push;
        this.json = json;
    }

    /** Deletes a message for this user only; deleting it again changes nothing. */
    void deleteForMe(long userId, String deviceId, String conversationId, String msgId) {
        queries.requireMember(userId, conversationId);
        if (MsgIds.parse(msgId) == null) {
            throw ApiProblem.notFound("message_not_found", "no such message in this conversation");
        }
        Appended.Outcome outcome = appendOwn(
                userId,
                deviceId,
                "delete:" + conversationId + ":" + msgId,
                MessageBody.delete(conversationId, msgId, null));
        if (outcome.refused()) {
            throw ApiProblem.notFound("message_not_found", "no such message in this conversation");
        }
        if (!outcome.repeat()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("conversationId", conversationId);
            data.put("msgId", msgId);
            data.put("seq", outcome.delivered().targetSeq());
            tell(userId, MESSAGE_DELETED, data);
        }
    }

    /** Clears the conversation for this user: history and sync start after the seq returned. */
    long clear(long userId, String deviceId, String conversationId) {
        queries.requireMember(userId, conversationId);
        Appended.Outcome outcome =
                appendOwn(userId, deviceId, "clear:" + UUID.randomUUID(), MessageBody.clear(conversationId, null));
        if (outcome.refused()) {
            throw ApiProblem.notFound("conversation_not_found", "no such conversation of yours");
        }
        long through = outcome.delivered().clearedThroughSeq();
        tell(userId, CONVERSATION_CLEARED, Map.of("conversationId", conversationId, "clearedThroughSeq", through));
        return through;
    }

    MemberSettings.Settings settings(long userId, String conversationId, Boolean muted, Boolean pinned) {
        queries.requireMember(userId, conversationId);
        MemberSettings.Settings after = memberSettings.change(userId, conversationId, muted, pinned);
        if (after == null) {
            throw ApiProblem.notFound("conversation_not_found", "no such conversation of yours");
        }
        tell(
                userId,
                CONVERSATION_SETTINGS,
                Map.of("conversationId", conversationId, "muted", after.muted(), "pinned", after.pinned()));
        return after;
    }

    private Appended.Outcome appendOwn(long userId, String deviceId, String key, MessageBody body) {
        Draft draft = new Draft(userId, deviceId, ConversationIds.self(userId), null, key, body);
        Appended appended = log.append(List.of(draft));
        Appended.Outcome outcome = appended.outcomes().get(0);
        if (outcome.refused() && !ErrorCodes.NOT_FOUND.equals(outcome.refusal().code())) {
            throw new IllegalStateException("own entry refused: " + outcome.refusal());
        }
        return outcome;
    }

    private void tell(long userId, String kind, Map<String, Object> data) {
        push.deliver(Delivery.toUsers(json.writeValueAsString(new EventFrame(kind, data)), Set.of(userId)));
    }
}
