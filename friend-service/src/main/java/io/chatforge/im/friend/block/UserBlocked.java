package io.chatforge.im.friend.block;

import java.time.Instant;

/**
 * Published inside the blocking transaction, to features that must change with it (pending friend
 * requests are withdrawn). Listeners run synchronously, in that transaction, so the block and their
 * changes commit or roll back together.
 */
public record UserBlocked(long blocker, long blocked, Instant at) {}
