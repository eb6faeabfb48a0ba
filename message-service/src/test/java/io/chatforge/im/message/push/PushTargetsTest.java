package io.chatforge.im.message.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PushTargetsTest {

    @Test
    void registeredDevicesThatAreNotConnected_orConnectedInTheBackground_getThePush() {
        var devices = new PushTargets.Devices(Set.of("phone", "tablet", "laptop"), Set.of("tablet"));

        assertThat(PushTargets.of(devices, Set.of("laptop", "tablet"))).containsExactly("phone", "tablet");
        assertThat(PushTargets.of(devices, Set.of("laptop", "phone", "tablet"))).containsExactly("tablet");
        var allInFront = new PushTargets.Devices(Set.of("phone", "laptop"), Set.of());
        assertThat(PushTargets.of(allInFront, Set.of("laptop", "phone"))).isEmpty();
        assertThat(PushTargets.of(new PushTargets.Devices(Set.of(), Set.of("x")), List.of()))
                .isEmpty();
    }
}
