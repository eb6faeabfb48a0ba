package io.chatforge.im.connector.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which delivery slot a pod takes: one slot per pod, so a frame reaches exactly one pod. */
class SlotLeaseTest {

    @Test
    void thePreferredSlot_isKept_whenItIsFree() {
        assertThat(SlotLease.firstLeased(5, 8, slot -> true)).isEqualTo(5);
    }

    @Test
    void takenSlots_areSkipped_wrappingAroundTheEnd_eachTriedOnce() {
        Set<Integer> held = Set.of(6, 7, 0);
        List<Integer> tried = new ArrayList<>();

        int slot = SlotLease.firstLeased(6, 8, candidate -> {
            tried.add(candidate);
            return !held.contains(candidate);
        });

        assertThat(slot).isEqualTo(1);
        assertThat(tried).containsExactly(6, 7, 0, 1);
    }

    @Test
    void withEverySlotHeld_noSlotIsTaken() {
        List<Integer> tried = new ArrayList<>();

        assertThat(SlotLease.firstLeased(3, 4, candidate -> tried.add(candidate) && false))
                .isEqualTo(-1);
        assertThat(tried).containsExactlyInAnyOrder(0, 1, 2, 3);
    }
}
