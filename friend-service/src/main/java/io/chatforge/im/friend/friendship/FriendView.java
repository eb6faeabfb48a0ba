package io.chatforge.im.friend.friendship;

import io.chatforge.im.friend.profile.PeerView;
import java.time.Instant;

/** A friend and since when. */
record FriendView(PeerView user, Instant since) {}
