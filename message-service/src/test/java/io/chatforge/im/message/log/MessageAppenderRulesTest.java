package io.chatforge.im.message.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.message.log.MessageAppender.DedupKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sequence assignment and dedup of a batch, without a database. */
class MessageAppenderRulesTest {
    private static final String AB = "d_1_2";
    private static final String AC = "d_1_3";

    private static Draft draft(String conversation, String clientMsgId) {
        return new Draft(1, "phone", conversation, 2L, clientMsgId, MessageBody.text("hi " + clientMsgId));
    }

    @Test
    void eachConversationCountsOnFromItsLastSeq_gapFree_inTheOrderOfTheBatch() {
        var fresh =
                MessageAppender.freshByConversation(List.of(draft(AB, "a"), draft(AC, "b"), draft(AB, "c")), Set.of());
        AtomicLong ids = new AtomicLong(100);

        Map<DedupKey, Entry> entries = MessageAppender.number(fresh, Map.of(AB, 7L, AC, 0L), ids::incrementAndGet, 5);

        assertThat(entries.get(new DedupKey(1, "a")).seq()).isEqualTo(8);
        assertThat(entries.get(new DedupKey(1, "c")).seq()).isEqualTo(9);
        assertThat(entries.get(new DedupKey(1, "b")).seq()).isEqualTo(1);
        assertThat(entries.values()).extracting(Entry::msgId).doesNotHaveDuplicates();
    }

    @Test
    void aRetryOfAStoredSend_isNotStoredAgain_butAnsweredWithTheStoredEntry() {
        var stored = Map.of(new DedupKey(1, "a"), new Entry(AB, 55, 3, 1));
        var drafts = List.of(draft(AB, "a"), draft(AB, "b"));

        var fresh = MessageAppender.freshByConversation(drafts, stored.keySet());
        var created = MessageAppender.number(fresh, Map.of(AB, 3L), new AtomicLong(60)::incrementAndGet, 5);
        var outcomes = MessageAppender.outcomes(drafts, accepted(created), stored);

        assertThat(fresh.get(AB)).extracting(Draft::clientMsgId).containsExactly("b");
        assertThat(outcomes.get(0).repeat()).isTrue();
        assertThat(outcomes.get(0).entry().seq()).isEqualTo(3);
        assertThat(outcomes.get(1).repeat()).isFalse();
        assertThat(outcomes.get(1).entry().seq()).isEqualTo(4);
    }

    @Test
    void twoCopiesInOneBatch_storeOneMessage_theFirstIsNew_theSecondARepeatOfIt() {
        var drafts = List.of(draft(AB, "a"), draft(AB, "a"));

        var fresh = MessageAppender.freshByConversation(drafts, Set.of());
        var created = MessageAppender.number(fresh, Map.of(AB, 0L), new AtomicLong()::incrementAndGet, 5);
        var outcomes = MessageAppender.outcomes(drafts, accepted(created), Map.of());

        assertThat(fresh.get(AB)).hasSize(1);
        assertThat(outcomes).extracting(Appended.Outcome::repeat).containsExactly(false, true);
        assertThat(outcomes.get(0).entry()).isEqualTo(outcomes.get(1).entry());
    }

    @Test
    void aDraftNeitherCreatedNorStoredBefore_wasRefused() {
        var drafts = List.of(draft("g_9", "left-the-group"));

        var outcomes = MessageAppender.outcomes(drafts, Map.of(), Map.of());

        assertThat(outcomes.get(0).refusal().code()).isEqualTo("not_a_member");
        assertThat(outcomes.get(0).repeat()).isFalse();
    }

    @Test
    void aDraftRefusedByTheLifecycleRules_isAnsweredWithItsRefusal_andSoIsItsCopy() {
        var drafts = List.of(draft(AB, "edit-1"), draft(AB, "edit-1"));
        var refusal = new Appended.Refusal("edit_window_passed", "too late");

        var outcomes = MessageAppender.outcomes(
                drafts, Map.of(new DedupKey(1, "edit-1"), new MessageAppender.Accepted(null, null, refusal)), Map.of());

        assertThat(outcomes).extracting(Appended.Outcome::refusal).containsExactly(refusal, refusal);
        assertThat(outcomes).extracting(Appended.Outcome::entry).containsOnlyNulls();
    }

    @Test
    void onlyTheConversationsTheLockDidNotFind_areCreated_inIdOrder() {
        var batch = Set.of("d:2:3", "d:1:2", "s:7", "d:1:5");

        var missing = MessageAppender.missingFrom(batch, Set.of("d:1:2"));

        assertThat(missing).containsExactly("d:1:5", "d:2:3", "s:7");
        assertThat(MessageAppender.missingFrom(batch, batch)).isEmpty();
    }

    private static Map<DedupKey, MessageAppender.Accepted> accepted(Map<DedupKey, Entry> created) {
        Map<DedupKey, MessageAppender.Accepted> out = new java.util.LinkedHashMap<>();
        created.forEach((key, entry) -> out.put(key, new MessageAppender.Accepted(entry, null, null)));
        return out;
    }
}
