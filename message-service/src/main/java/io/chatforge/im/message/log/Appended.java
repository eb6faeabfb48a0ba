package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MessageBody;
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
     * One draft's fate. {@code entry} is null when it was refused ({@code refusal}); {@code repeat}
     * marks a retry of a draft stored before (same sender and clientMsgId): answered again, never
     * delivered again. {@code delivered} is the body as devices get it (a reply's quote filled in,
     * a change's target seq, a forward's copy); null for a repeat.
     */
    public record Outcome(Draft draft, Entry entry, boolean repeat, Refusal refusal, MessageBody delivered) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /** Why a draft was not appended: an error code and what to tell its sender. */
    public record Refusal(String code, String message) {}
}
