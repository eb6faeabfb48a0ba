package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.push.PushInternalApi;
import io.chatforge.im.message.log.LogQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** push-service's badge: a user's unread messages in all their conversations. */
@RestController
class InternalUnreadController {
    private final LogQueries log;

    InternalUnreadController(LogQueries log) {
        this.log = log;
    }

    @GetMapping(PushInternalApi.UNREAD_TOTAL)
    PushInternalApi.Unread unread(@PathVariable long userId) {
        return new PushInternalApi.Unread(log.totalUnread(userId));
    }
}
