package io.chatforge.im.friend.request;

import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/friends/requests")
@Tag(name = "friend requests")
class FriendRequestController {
    private final FriendRequestService requests;

    FriendRequestController(FriendRequestService requests) {
        this.requests = requests;
    }

    @PostMapping
    @Operation(
            summary = "Send a friend request",
            description = "201 when sent; 200 when it was already pending (same request), or when the other user"
                    + " had asked you: then their request is accepted and you are friends (status accepted)")
    ResponseEntity<FriendRequestView> send(
            @AuthenticationPrincipal ImPrincipal me, @Valid @RequestBody SendFriendRequest request) {
        var sent = requests.send(me.userId(), request);
        return ResponseEntity.status(sent.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(requests.view(me.userId(), sent.request()));
    }

    @GetMapping
    @Operation(summary = "My incoming or outgoing requests, newest first, with the other user's profile")
    PageView<FriendRequestView> list(
            @AuthenticationPrincipal ImPrincipal me,
            @RequestParam(defaultValue = "incoming") String direction,
            @RequestParam(defaultValue = "pending") String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return requests.list(me.userId(), direction, status, page, size);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a request sent to me; we become friends")
    FriendRequestView accept(@AuthenticationPrincipal ImPrincipal me, @PathVariable long id) {
        return requests.view(me.userId(), requests.accept(me.userId(), id));
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline a request sent to me")
    FriendRequestView decline(@AuthenticationPrincipal ImPrincipal me, @PathVariable long id) {
        return requests.view(me.userId(), requests.decline(me.userId(), id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a request I sent")
    ResponseEntity<Void> cancel(@AuthenticationPrincipal ImPrincipal me, @PathVariable long id) {
        requests.cancel(me.userId(), id);
        return ResponseEntity.noContent().build();
    }
}
