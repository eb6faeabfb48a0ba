package io.chatforge.im.message.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.message.log.CursorMove;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorIngestorTest {

    @Test
    void manyReadsOfOneConversation_becomeOneMove_toTheFurthest() {
        var moves = CursorIngestor.highest(List.of(
                new CursorMove(1, "phone", "d_1_2", 4),
                new CursorMove(1, "web", "d_1_2", 9),
                new CursorMove(1, "phone", "d_1_2", 6),
                new CursorMove(2, "phone", "d_1_2", 3),
                new CursorMove(1, "phone", "g_5", 1)));

        assertThat(moves)
                .containsExactlyInAnyOrder(
                        new CursorMove(1, "web", "d_1_2", 9),
                        new CursorMove(2, "phone", "d_1_2", 3),
                        new CursorMove(1, "phone", "g_5", 1));
    }
}
