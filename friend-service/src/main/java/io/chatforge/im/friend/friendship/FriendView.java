package io.chatforge.im.friend.friendship;

import io.chatforge.im.friend.profile.PeerView;
import java.time.Instant;

/** A friend, since when, and whether any of their devices is connected right now. */
record FriendView(PeerView user, Instant since, boolean online) {}
