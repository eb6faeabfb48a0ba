package io.chatforge.im.message.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Friend lists for presence: asked once, dropped on a change of either side, never kept from before a change. */
class FriendListsTest {
    private final FriendListClient friendService = mock(FriendListClient.class);
    private final FriendLists lists = new FriendLists(friendService, 5, new SimpleMeterRegistry());

    @Test
    void aFetchedList_isKept_soTheNextChangeAsksNobody() {
        when(friendService.friendIds(1)).thenReturn(List.of(2L, 3L));

        assertThat(lists.kept(1)).isEmpty();
        assertThat(lists.fetch(1)).containsExactly(2L, 3L);

        assertThat(lists.kept(1)).contains(List.of(2L, 3L));
        verify(friendService, times(1)).friendIds(1);
    }

    @Test
    void aChangeOfAFriendship_dropsTheListsOfBothSides() {
        when(friendService.friendIds(1)).thenReturn(List.of(2L));
        when(friendService.friendIds(2)).thenReturn(List.of(1L));
        when(friendService.friendIds(3)).thenReturn(List.of(4L));
        lists.fetch(1);
        lists.fetch(2);
        lists.fetch(3);

        lists.changed(2, 1);

        assertThat(lists.kept(1)).isEmpty();
        assertThat(lists.kept(2)).isEmpty();
        assertThat(lists.kept(3)).isPresent();
    }

    @Test
    void aListFetchedWhileAChangeArrived_isAnsweredButNotKept() {
        when(friendService.friendIds(1)).thenAnswer(call -> {
            lists.changed(1, 9); // the friendship with 9 changes while friend-service answers
            return List.of(2L);
        });

        assertThat(lists.fetch(1)).containsExactly(2L);

        assertThat(lists.kept(1)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedLists_goFirst_whenTooManyIdsAreHeld() {
        when(friendService.friendIds(1)).thenReturn(List.of(10L, 11L));
        when(friendService.friendIds(2)).thenReturn(List.of(20L, 21L));
        when(friendService.friendIds(3)).thenReturn(List.of(30L, 31L));
        lists.fetch(1);
        lists.fetch(2);
        lists.kept(1); // used: 2 is now the eldest

        lists.fetch(3); // 6 ids > 5

        assertThat(lists.kept(2)).isEmpty();
        assertThat(lists.kept(1)).isPresent();
        assertThat(lists.kept(3)).isPresent();
        assertThat(lists.heldIds()).isEqualTo(4);
    }

    @Test
    void aGap_dropsEverything() {
        when(friendService.friendIds(1)).thenReturn(List.of(2L));
        lists.fetch(1);

        lists.forgetAll();

        assertThat(lists.kept(1)).isEmpty();
        assertThat(lists.heldIds()).isZero();
    }
}
