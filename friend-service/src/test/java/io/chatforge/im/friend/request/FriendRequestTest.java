package io.chatforge.im.friend.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chatforge.im.service.web.ApiProblem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A request is answered once: accepted, declined or cancelled, never twice. */
class FriendRequestTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aPendingRequest_movesOnce() {
        var request = new FriendRequest(1, 2, "hi", T0);

        request.moveTo(FriendRequest.Status.ACCEPTED, T0.plusSeconds(5));

        assertThat(request.status()).isEqualTo(FriendRequest.Status.ACCEPTED);
        ApiProblem again = catchThrowableOfType(
                ApiProblem.class, () -> request.moveTo(FriendRequest.Status.DECLINED, T0.plusSeconds(6)));
        assertThat(again.code()).isEqualTo("request_not_pending");
        assertThat(request.status()).isEqualTo(FriendRequest.Status.ACCEPTED);
    }

    @Test
    void eachSide_seesTheOtherAsItsPeer() {
        var request = new FriendRequest(1, 2, null, T0);

        assertThat(request.peerOf(1)).isEqualTo(2);
        assertThat(request.peerOf(2)).isEqualTo(1);
    }

    @Test
    void aStatusFilter_isOneOfTheKnownLabels() {
        assertThat(FriendRequest.Status.parse("declined")).isEqualTo(FriendRequest.Status.DECLINED);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> FriendRequest.Status.parse("DECLINED"))
                        .code())
                .isEqualTo("validation_failed");
    }
}
