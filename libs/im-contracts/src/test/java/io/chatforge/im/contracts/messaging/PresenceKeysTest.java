package io.chatforge.im.contracts.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A device's route as stored in Redis: which pod and slot, and until when it counts. */
class PresenceKeysTest {

    @Test
    void aRoute_survivesItsStoredForm() {
        var route = new PresenceKeys.Route("connector-7f9c", 23, 1_800_000_000_000L);

        assertThat(PresenceKeys.Route.decode(route.encode())).isEqualTo(route);
    }

    @Test
    void aRoute_countsOnlyUntilItExpires_soADeadPodsRoutesStopBeingUsed() {
        var route = new PresenceKeys.Route("connector-a", 1, 10_000);

        assertThat(route.isLive(9_999)).isTrue();
        assertThat(route.isLive(10_000)).isFalse();
    }

    @Test
    void theKeysOfOneUser_shareAHashSlot() {
        assertThat(PresenceKeys.routes(42)).contains("{42}");
        assertThat(PresenceKeys.online(42)).contains("{42}");
    }
}
