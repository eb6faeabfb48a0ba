package io.chatforge.im.contracts.frame;

/** Bounds of a sync request, the same on the socket ({@code sync}) and over REST ({@code /api/sync}). */
public final class SyncLimits {
    /** conversations one sync request may name in {@code cursors} */
    public static final int MAX_CURSORS = 1000;
    /** messages one page may hold at most ({@code limit}) */
    public static final int MAX_LIMIT = 500;

    public static final int DEFAULT_LIMIT = 200;
    /** bytes of JSON one page may hold at most ({@code maxBytes}); see {@link FrameBudget} */
    public static final int MAX_BYTES = FrameBudget.PAGE_BYTES;

    public static final int MIN_BYTES = FrameBudget.MIN_PAGE_BYTES;

    private SyncLimits() {}
}
