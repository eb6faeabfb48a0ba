package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.message.log.CursorMove;
import io.chatforge.im.message.log.LogQueries;
import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conversations")
@Tag(name = "conversations")
class ConversationController {
    private final ConversationQueries queries;
    private final ReadCursors cursors;
    private final MemberActions actions;
    private final LogQueries log;

    ConversationController(ConversationQueries queries, ReadCursors cursors, MemberActions actions, LogQueries log) {
        this.queries = queries;
        this.cursors = cursors;
        this.actions = actions;
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "My conversations by recent activity, with last message and unread count")
    PageView<ConversationView> list(
            @AuthenticationPrincipal ImPrincipal me,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.list(me.userId(), page, size);
    }

    @GetMapping("/{id}/messages")
    @Operation(
            summary = "History, oldest first: after afterSeq, or the newest before beforeSeq (max 200);"
                    + " edits, recalls and reactions folded in, and listed too with entries=all")
    Map<String, List<MsgFrame>> messages(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable String id,
            @RequestParam(required = false) Long afterSeq,
            @RequestParam(required = false) Long beforeSeq,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "content") String entries) {
        if (!"content".equals(entries) && !"all".equals(entries)) {
            throw ApiProblem.badRequest("validation_failed", "entries must be content or all")
                    .with("field", "entries");
        }
        return Map.of("messages", queries.history(me.userId(), id, afterSeq, beforeSeq, limit, "all".equals(entries)));
    }

    @DeleteMapping("/{id}/messages/{msgId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a message for me only, on all my devices")
    void deleteForMe(@AuthenticationPrincipal ImPrincipal me, @PathVariable String id, @PathVariable String msgId) {
        actions.deleteForMe(me.userId(), device(me), id, msgId);
    }

    @PostMapping("/{id}/clear")
    @Operation(summary = "Clear the conversation for me: history and sync start after clearedThroughSeq")
    Map<String, Object> clear(@AuthenticationPrincipal ImPrincipal me, @PathVariable String id) {
        return Map.of("clearedThroughSeq", actions.clear(me.userId(), device(me), id));
    }

    @PatchMapping("/{id}/settings")
    @Operation(summary = "Mute or pin a conversation, for me")
    Map<String, Object> settings(
            @AuthenticationPrincipal ImPrincipal me, @PathVariable String id, @RequestBody SettingsRequest request) {
        var after = actions.settings(me.userId(), id, request.muted(), request.pinned());
        return Map.of("conversationId", id, "muted", after.muted(), "pinned", after.pinned());
    }

    private static String device(ImPrincipal me) {
        return me.deviceId() == null ? "api" : me.deviceId();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Move my read cursor forward (never back); the peer gets a receipt")
    Map<String, Object> read(
            @AuthenticationPrincipal ImPrincipal me, @PathVariable String id, @Valid @RequestBody ReadRequest request) {
        queries.requireMember(me.userId(), id);
        var after = cursors.markRead(List.of(new CursorMove(me.userId(), null, id, request.seq())));
        var cursor = after.get(0);
        return Map.of("conversationId", id, "readSeq", cursor.seq(), "unread", log.unread(me.userId(), id));
    }
}
