package io.chatforge.im.message.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.Sender;
import io.chatforge.im.contracts.frame.SyncLimits;
import io.chatforge.im.contracts.frame.SyncPageFrame;
import io.chatforge.im.message.log.LogQueries;
import io.chatforge.im.message.log.Window;
import io.chatforge.im.service.web.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paging of a sync over a log of two conversations: 3 messages in one, 4 in the other; user 7 has
 * 30 texts of 1,000 emoji (4 bytes each in UTF-8) in one conversation.
 */
class SyncServiceTest {
    private final LogQueries log = mock(LogQueries.class);
    private final JsonMapper json = JsonMapper.builder().build();
    private final SyncService sync = new SyncService(log, json);
    private final String longText = "\uD83D\uDE00".repeat(1000);

    SyncServiceTest() {
        when(log.windows(1)).thenReturn(List.of(new Window("d_1_2", 0, 3), new Window("g_5", 0, 4)));
        when(log.windows(7)).thenReturn(List.of(new Window("d_7_8", 0, 30)));
        when(log.oldestAfter(anyLong(), anyString(), anyLong(), anyLong(), anyInt(), eq(true)))
                .thenAnswer(call -> {
                    String id = call.getArgument(1);
                    String text = id.equals("d_7_8") ? longText : "x";
                    long after = call.getArgument(2);
                    long upTo = call.getArgument(3);
                    int limit = call.getArgument(4);
                    return LongStream.rangeClosed(after + 1, upTo)
                            .limit(limit)
                            .mapToObj(seq ->
                                    new MsgFrame(id, "m" + seq, seq, new Sender(2, "phone"), MessageBody.text(text), 0))
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

    @Test
    void aPageEndsAtItsByteBudget_evenBelowItsLimit_andTheNextPageGoesOn() {
        SyncPageFrame first = sync.page(7, "r1", Map.of(), 200, 16 * 1024);

        assertThat(json.writeValueAsBytes(first).length).isLessThanOrEqualTo(16 * 1024);
        assertThat(first.messages()).hasSize(3); // 4,000 bytes of text each
        assertThat(first.hasMore()).isTrue();
        assertThat(first.cursors()).containsEntry("d_7_8", 3L);
        assertThat(sync.page(7, "r2", first.cursors(), 200, 16 * 1024).messages())
                .extracting(MsgFrame::seq)
                .containsExactly(4L, 5L, 6L);
    }

    @Test
    void theDefaultBudget_keepsEveryPageWithinIt_untilTheDeviceIsUpToDate() {
        Map<String, Long> cursors = Map.of();
        int pages = 0;
        int received = 0;
        SyncPageFrame page;
        do {
            page = sync.page(7, "r", cursors, SyncLimits.DEFAULT_LIMIT);
            assertThat(json.writeValueAsBytes(page).length).isLessThanOrEqualTo(SyncLimits.MAX_BYTES);
            received += page.messages().size();
            cursors = page.cursors();
            pages++;
        } while (page.hasMore());

        assertThat(received).isEqualTo(30);
        assertThat(pages).isEqualTo(1); // 30 x ~4 KiB fit into 256 KiB
    }

    @Test
    void aMessageLargerThanTheBudget_stillGoesOut_alone() {
        SyncPageFrame page = sync.page(7, "r1", Map.of(), 200, SyncLimits.MIN_BYTES);

        assertThat(page.messages()).hasSize(1);
        assertThat(json.writeValueAsBytes(page).length).isGreaterThan(SyncLimits.MIN_BYTES);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void aByteBudgetOutsideItsRange_isRefused() {
        assertThatThrownBy(() -> sync.page(1, null, Map.of(), 10, SyncLimits.MIN_BYTES - 1))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> sync.page(1, null, Map.of(), 10, SyncLimits.MAX_BYTES + 1))
                .isInstanceOf(ApiProblem.class);
    }
}
