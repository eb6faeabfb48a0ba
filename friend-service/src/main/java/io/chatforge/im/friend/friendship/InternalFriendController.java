package io.chatforge.im.friend.friendship;

import io.chatforge.im.contracts.social.FriendInternalApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For platform services: message-service announces presence changes to these users. */
@RestController
@Tag(name = "internal")
class InternalFriendController {
    private final FriendshipRepository friendships;

    InternalFriendController(FriendshipRepository friendships) {
        this.friendships = friendships;
    }

    @GetMapping(FriendInternalApi.FRIEND_IDS)
    @Operation(summary = "The ids of a user's friends, newest first (at most 5000)")
    List<Long> friendIds(@PathVariable long userId) {
        return friendships.friendsOf(userId, PageRequest.of(0, FriendInternalApi.MAX_FRIEND_IDS)).stream()
                .map(Friendship::friendId)
                .toList();
    }
}
