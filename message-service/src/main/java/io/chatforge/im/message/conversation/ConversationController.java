package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.message.log.CursorMove;
import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conversations")
@Tag(name = "conversations")
class ConversationController {
    private final ConversationQueries queries;
    private final ReadCursors cursors;

    ConversationController(ConversationQueries queries, ReadCursors cursors) {
        this.queries = queries;
        this.cursors = cursors;
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
    @Operation(summary = "History, oldest first: after afterSeq, or the newest before beforeSeq (max 200)")
    Map<String, List<MsgFrame>> messages(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable String id,
            @RequestParam(required = false) Long afterSeq,
            @RequestParam(required = false) Long beforeSeq,
            @RequestParam(defaultValue = "50") int limit) {
        return Map.of("messages", queries.history(me.userId(), id, afterSeq, beforeSeq, limit));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Move my read cursor forward (never back); the peer gets a receipt")
    Map<String, Object> read(
            @AuthenticationPrincipal ImPrincipal me, @PathVariable String id, @Valid @RequestBody ReadRequest request) {
        queries.requireMember(me.userId(), id);
        var after = cursors.markRead(List.of(new CursorMove(me.userId(), null, id, request.seq())));
        var cursor = after.get(0);
        return Map.of(
                "conversationId", id,
                "readSeq", cursor.seq(),
                "unread", Math.max(0, cursor.lastSeq() - cursor.seq()));
    }
}
