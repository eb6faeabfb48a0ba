package io.chatforge.im.friend.request;

import io.chatforge.im.friend.block.UserBlocked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other features do to friend requests (a block withdraws every pending one). */
@Component
public class FriendRequests {
    private final FriendRequestRepository requests;

    FriendRequests(FriendRequestRepository requests) {
        this.requests = requests;
    }

    /** Runs in the blocking transaction (a synchronous listener), so both commit together. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelPendingBetween(UserBlocked blocked) {
        requests.pendingBetween(blocked.blocker(), blocked.blocked())
                .forEach(r -> r.moveTo(FriendRequest.Status.CANCELLED, blocked.at()));
    }
}
