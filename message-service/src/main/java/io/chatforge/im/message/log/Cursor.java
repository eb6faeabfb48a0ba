package io.chatforge.im.message.log;

/**
 * A cursor after a move: where it stands, the last seq the member may see, the direct peer (0 in
 * a group) and whether it moved at all.
 */
public record Cursor(CursorMove move, long seq, long lastSeq, long peerId, boolean moved) {}
