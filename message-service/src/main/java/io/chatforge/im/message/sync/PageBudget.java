package io.chatforge.im.message.sync;

/**
 * The bytes of JSON a sync page has used, counted as it fills: its envelope (with the cursors) first,
 * then each message and the comma before it. A message that does not fit is left for the next page,
 * unless the page has none yet: a message larger than the budget alone still goes out, on its own.
 */
final class PageBudget {
    private final long limit;
    private long used;
    private int taken;

    PageBudget(long limit, long envelope) {
        this.limit = limit;
        this.used = envelope;
    }

    /** Takes a message of this many bytes if it fits (or is the first); false when the page is full. */
    boolean take(long messageBytes) {
        long cost = messageBytes + (taken > 0 ? 1 : 0);
        if (taken > 0 && used + cost > limit) {
            return false;
        }
        used += cost;
        taken++;
        return true;
    }

    long used() {
        return used;
    }
}
