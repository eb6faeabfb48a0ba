package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.social.FriendInternalApi;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** friend-service: the ids of a user's friends. */
@FeignClient(name = "friend-service", contextId = "friendListClient")
interface FriendListClient {

    @GetMapping(FriendInternalApi.FRIEND_IDS)
    List<Long> friendIds(@PathVariable("userId") long userId);
}
