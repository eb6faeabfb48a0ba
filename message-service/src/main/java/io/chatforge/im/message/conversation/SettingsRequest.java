package io.chatforge.im.message.conversation;

/** {@code PATCH /api/conversations/{id}/settings}: what to change; absent fields stay as they are. */
record SettingsRequest(Boolean muted, Boolean pinned) {}
