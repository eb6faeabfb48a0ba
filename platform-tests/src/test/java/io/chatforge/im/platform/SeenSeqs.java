package io.chatforge.im.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a device has seen of each conversation, as the SDK keeps it: every seq up to its cursor,
 * and the seqs seen beyond a gap. Not thread-safe: its device's lock guards it.
 */
final class SeenSeqs {
    /** per conversation: every seq below or at it was seen (pushed, synced, or my own `sent`) */
    private final Map<String, Long> contiguous = new HashMap<>();
    /** per conversation: seqs seen above a gap */
    private final Map<String, TreeSet<Long>> ahead = new HashMap<>();

    /** Records a seq of a conversation; true the first time. */
    boolean see(String conversationId, long seq) {
        if (seq <= contiguous.getOrDefault(conversationId, 0L)) {
            return false;
        }
        if (!ahead.computeIfAbsent(conversationId, c -> new TreeSet<>()).add(seq)) {
            return false;
        }
        advance(conversationId);
        return true;
    }

    /** A sync page's cursor: every seq up to it is covered (seen, or none I may read). */
    void covered(String conversationId, long upTo) {
        if (upTo <= contiguous.getOrDefault(conversationId, 0L)) {
            return;
        }
        contiguous.put(conversationId, upTo);
        TreeSet<Long> above = ahead.get(conversationId);
        if (above != null) {
            above.headSet(upTo, true).clear();
            advance(conversationId);
        }
    }

    /** Some conversation has a seq seen beyond a missing one. */
    boolean hasGap() {
        return ahead.values().stream().anyMatch(s -> !s.isEmpty());
    }

    boolean hasGap(String conversationId) {
        TreeSet<Long> above = ahead.get(conversationId);
        return above != null && !above.isEmpty();
    }

    Map<String, Long> cursors() {
        return new HashMap<>(contiguous);
    }

    private void advance(String conversationId) {
        TreeSet<Long> above = ahead.get(conversationId);
        long upTo = contiguous.getOrDefault(conversationId, 0L);
        while (!above.isEmpty() && above.first() == upTo + 1) {
            upTo = above.pollFirst();
        }
        contiguous.put(conversationId, upTo);
    }
}
