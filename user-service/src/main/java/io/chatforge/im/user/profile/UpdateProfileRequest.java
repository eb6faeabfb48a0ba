package io.chatforge.im.user.profile;

/**
 * PATCH body: a field left out (or null) stays as it is; {@code avatar: ""} removes the avatar.
 * Rules are checked by {@link ProfileRules} so that both fields report the same way.
 */
record UpdateProfileRequest(String nickname, String avatar) {}
