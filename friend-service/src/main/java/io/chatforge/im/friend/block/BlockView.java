package io.chatforge.im.friend.block;

import io.chatforge.im.friend.profile.PeerView;
import java.time.Instant;

/** Someone I block, and since when. */
record BlockView(PeerView user, Instant since) {}
