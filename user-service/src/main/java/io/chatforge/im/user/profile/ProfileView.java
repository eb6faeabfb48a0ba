package io.chatforge.im.user.profile;

import java.time.Instant;

/** A user's profile as clients see it. */
record ProfileView(long id, String username, String nickname, String avatar, Instant createdAt) {}
