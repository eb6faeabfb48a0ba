package io.chatforge.im.message.log;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one append of a batch did, in the order of its drafts, and the members of each group
 * conversation it appended to as of those messages (read under the conversation's lock, so a
 * member removed before a message never gets it, and one removed after still does).
 */
public record Appended(List<Outcome> outcomes, Map<String, Set<Long>> groupMembers) {

    /**
     * One draft's fate. {@code entry} is null when its sender was not a member of the group by the
     * time it was stored; {@code repeat} marks a retry of a draft stored before (same sender and
     * clientMsgId): answered again, never delivered again.
     */
    public record Outcome(Draft draft, Entry entry, boolean repeat) {
        public boolean refusedNotMember() {
            return entry == null;
        }
    }
}
