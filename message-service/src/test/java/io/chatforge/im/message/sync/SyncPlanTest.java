package io.chatforge.im.message.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.message.log.Window;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a sync starts in each conversation. */
class SyncPlanTest {

    @Test
    void aConversationTheDeviceDoesNotKnow_isReadFromTheStart() {
        var plan = SyncPlan.of(List.of(new Window("d_1_2", 0, 5)), Map.of());

        assertThat(plan.behind()).containsExactly(new Window("d_1_2", 0, 5));
        assertThat(plan.cursors()).containsEntry("d_1_2", 0L);
    }

    @Test
    void aMemberWhoJoinedLate_neverGetsWhatCameBeforeTheirJoining() {
        var plan = SyncPlan.of(List.of(new Window("g_7", 40, 45)), Map.of("g_7", 3L));

        assertThat(plan.behind()).containsExactly(new Window("g_7", 40, 45));
    }

    @Test
    void aDeviceUpToDate_orAhead_hasNothingBehind_andItsCursorStopsAtWhatItMaySee() {
        var plan = SyncPlan.of(
                List.of(new Window("d_1_2", 0, 5), new Window("g_7", 0, 9)), Map.of("d_1_2", 5L, "g_7", 99L));

        assertThat(plan.behind()).isEmpty();
        assertThat(plan.cursors()).containsEntry("d_1_2", 5L).containsEntry("g_7", 9L);
    }

    @Test
    void aFormerMember_readsUpToTheirLeaving_notBeyond() {
        var plan = SyncPlan.of(List.of(new Window("g_7", 0, 12)), Map.of("g_7", 10L));

        assertThat(plan.behind()).containsExactly(new Window("g_7", 10, 12));
    }
}
