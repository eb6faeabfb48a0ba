package io.chatforge.im.contracts.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameBudgetTest {

    @Test
    void everyFrameTheConnectorAcceptsFromAClient_fitsEveryHopAsAPageOfOne() {
        assertThat(FrameBudget.relayable(FrameBudget.CLIENT_FRAME_HARD_LIMIT)).isTrue();
        assertThat(FrameBudget.relayable(16_384)).isTrue();
    }

    @Test
    void aClientFrameLimitNearTheRelayLimit_breaksTheRule() {
        assertThat(FrameBudget.relayable(FrameBudget.RELAYED_FRAME_BYTES)).isFalse();
    }

    @Test
    void aFullPage_leavesRoomForItsEnvelope() {
        assertThat(FrameBudget.PAGE_BYTES + FrameBudget.CURSORS_BYTES).isLessThan(FrameBudget.RELAYED_FRAME_BYTES);
    }
}
