package io.chatforge.im.message.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.Sender;
import io.chatforge.im.message.log.LogQueries;
import io.chatforge.im.message.log.Window;
import io.chatforge.im.service.web.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Paging of a sync over a log of two conversations: 3 messages in one, 4 in the other. */
class SyncServiceTest {
    private final LogQueries log = mock(LogQueries.class);
    private final SyncService sync = new SyncService(log);

    SyncServiceTest() {
        when(log.windows(1)).thenReturn(List.of(new Window("d_1_2", 0, 3), new Window("g_5", 0, 4)));
        when(log.oldestAfter(anyString(), anyLong(), anyLong(), anyInt())).thenAnswer(call -> {
            String id = call.getArgument(0);
            long after = call.getArgument(1);
            long upTo = call.getArgument(2);
            int limit = call.getArgument(3);
            return LongStream.rangeClosed(after + 1, upTo)
                    .limit(limit)
                    .mapToObj(seq -> new MsgFrame(id, "m" + seq, seq, new Sender(2, "phone"), MessageBody.text("x"), 0))
                    .toList();
        });
    }

    @Test
    void aPageFills_acrossConversations_andSaysWhereItStopped() {
        var page = sync.page(1, "r1", Map.of(), 5);

        assertThat(page.messages()).hasSize(5);
        assertThat(page.cursors()).containsEntry("d_1_2", 3L).containsEntry("g_5", 2L);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void syncingWithThePagesCursors_getsEachMessageExactlyOnce() {
        var first = sync.page(1, "r1", Map.of(), 5);
        var second = sync.page(1, "r2", first.cursors(), 5);

        assertThat(second.messages()).extracting(MsgFrame::seq).containsExactly(3L, 4L);
        assertThat(second.hasMore()).isFalse();
        assertThat(second.cursors()).containsEntry("d_1_2", 3L).containsEntry("g_5", 4L);
    }

    @Test
    void aLimitOutsideItsRange_isRefused() {
        assertThatThrownBy(() -> sync.page(1, null, Map.of(), 0)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> sync.page(1, null, Map.of(), SyncService.MAX_LIMIT + 1))
                .isInstanceOf(ApiProblem.class);
    }
}
