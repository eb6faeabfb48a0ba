package io.chatforge.im.message.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowsTableTest {

    @Test
    void namesTheColumnsOnceAndBindsEveryRowInOrder() {
        RowsTable table = RowsTable.of(
                List.of("seq", "id"),
                List.of(new Object[] {5L, "d_1_2"}, new Object[] {7L, "d_1_3"}, new Object[] {9L, "d_2_3"}));

        assertThat(table.sql()).isEqualTo("SELECT ? AS seq, ? AS id UNION ALL SELECT ?, ? UNION ALL SELECT ?, ?");
        assertThat(table.args()).containsExactly(5L, "d_1_2", 7L, "d_1_3", 9L, "d_2_3");
    }

    @Test
    void oneRowIsOneSelect() {
        RowsTable table = RowsTable.of(List.of("a"), List.<Object[]>of(new Object[] {1L}));

        assertThat(table.sql()).isEqualTo("SELECT ? AS a");
        assertThat(table.args()).containsExactly(1L);
    }

    @Test
    void refusesNoRowsAndRowsOfAnotherWidth() {
        assertThatThrownBy(() -> RowsTable.of(List.of("a"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowsTable.of(List.of("a", "b"), List.<Object[]>of(new Object[] {1L})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
