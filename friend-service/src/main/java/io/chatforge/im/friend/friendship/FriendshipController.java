package io.chatforge.im.friend.friendship;

import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/friends")
@Tag(name = "friends")
class FriendshipController {
    private final FriendshipService friendships;

    FriendshipController(FriendshipService friendships) {
        this.friendships = friendships;
    }

    @GetMapping
    @Operation(summary = "My friends, newest first, with their profiles (ids only while user-service is down)")
    PageView<FriendView> list(
            @AuthenticationPrincipal ImPrincipal me,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return friendships.list(me.userId(), page, size);
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "End a friendship (both directions)")
    ResponseEntity<Void> remove(@AuthenticationPrincipal ImPrincipal me, @PathVariable long userId) {
        if (userId <= 0 || userId == me.userId()) {
            throw ApiProblem.badRequest("validation_failed", "userId must be another user's id");
        }
        friendships.remove(me.userId(), userId);
        return ResponseEntity.noContent().build();
    }
}
