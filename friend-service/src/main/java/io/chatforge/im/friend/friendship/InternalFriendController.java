package io.chatforge.im.friend.friendship;

import io.chatforge.im.contracts.social.FriendInternalApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For platform services: message-service announces presence changes to these users. */
@RestController
@Tag(name = "internal")
class InternalFriendController {
    private final Friendships friendships;

    InternalFriendController(Friendships friendships) {
        this.friendships = friendships;
    }

    @GetMapping(FriendInternalApi.FRIEND_IDS)
    @Operation(summary = "The ids of a user's friends, newest first (at most 5000)")
    List<Long> friendIds(@PathVariable long userId) {
        return friendships.friendIds(userId, FriendInternalApi.MAX_FRIEND_IDS);
    }
}
