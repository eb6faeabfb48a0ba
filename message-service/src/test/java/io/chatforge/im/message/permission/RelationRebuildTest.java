package io.chatforge.im.message.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.social.RelationPage;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After a start or a gap, the view is filled from friend-service, page after page. */
class RelationRebuildTest {
    private final RelationClient client = mock(RelationClient.class);
    private final RelationView view = new RelationView(1000);
    private int pauses;
    private final RelationRebuild rebuild = new RelationRebuild(client, view) {
        @Override
        void pause(long millis) {
            pauses++; // no real waiting in a unit test
        }
    };

    private static Relation friends(long a, long b) {
        return new Relation(a, b, true, false, false, 2);
    }

    @Test
    void everyPage_isLoaded_eachStartingAfterTheLastPairOfThePrevious() {
        when(client.page(0, 0, RelationRebuild.PAGE))
                .thenReturn(new RelationPage(List.of(friends(1, 2), friends(1, 5)), true));
        when(client.page(1, 5, RelationRebuild.PAGE)).thenReturn(new RelationPage(List.of(friends(3, 4)), false));

        assertThat(rebuild.run(view.epoch())).isEqualTo(3);

        assertThat(view.get(2, 1)).isPresent();
        assertThat(view.get(4, 3)).isPresent();
    }

    @Test
    void aGapDuringTheRebuild_keepsNothingItLoaded() {
        long epoch = view.epoch();
        when(client.page(eq(0L), eq(0L), anyInt())).thenAnswer(call -> {
            view.forgetAll(); // the consumer was reassigned meanwhile
            return new RelationPage(List.of(friends(1, 2)), true);
        });

        rebuild.run(epoch);

        assertThat(view.get(1, 2)).isEmpty();
    }

    @Test
    void friendServiceStillStarting_isAskedAgain_afterAPause() {
        when(client.page(0, 0, RelationRebuild.PAGE))
                .thenThrow(new UncheckedIOException(new ConnectException("Connection refused")))
                .thenReturn(new RelationPage(List.of(friends(1, 2)), false));

        assertThat(rebuild.run(view.epoch())).isEqualTo(1);
        assertThat(pauses).isEqualTo(1);
    }

    @Test
    void withFriendServiceAway_theViewFillsOnDemand_andNothingBreaks() {
        when(client.page(anyLong(), anyLong(), anyInt()))
                .thenThrow(new UncheckedIOException(new ConnectException("Connection refused")));

        assertThat(rebuild.run(view.epoch())).isZero();
        assertThat(pauses).isEqualTo(RelationRebuild.ATTEMPTS);
        assertThat(view.size()).isZero();
    }
}
