package io.chatforge.im.push.content;

import io.chatforge.im.contracts.push.PushInternalApi;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** message-service: the badge, and a group's name. */
@FeignClient(name = "message-service", contextId = "pushUnreadClient")
interface UnreadClient {

    @GetMapping(PushInternalApi.UNREAD_TOTAL)
    PushInternalApi.Unread unread(@PathVariable("userId") long userId);

    @GetMapping(PushInternalApi.GROUP_NAME)
    PushInternalApi.GroupName groupName(@PathVariable("groupId") long groupId);
}
