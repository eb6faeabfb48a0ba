package io.chatforge.im.message.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of parameters as a derived table ({@code SELECT ? AS a, ? AS b UNION ALL SELECT ?, ? ...}), to
 * join in one UPDATE instead of one statement per row: MariaDB parses, plans and locks once for the
 * whole batch, where a batch of single-row UPDATEs cost it a statement each (and the driver two
 * round trips to switch multi-statements on and off).
 */
record RowsTable(String sql, Object[] args) {

    /** Rows of equal length, one value per column name, in that order. */
    static RowsTable of(List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows");
        }
        List<String> firstRow = new ArrayList<>(columns.size());
        columns.forEach(column -> firstRow.add("? AS " + column));
        String otherRow = " UNION ALL SELECT " + String.join(", ", Collections.nCopies(columns.size(), "?"));
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", firstRow));
        Object[] args = new Object[rows.size() * columns.size()];
        int i = 0;
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.length + " values for " + columns);
            }
            if (i > 0) {
                sql.append(otherRow);
            }
            for (Object value : row) {
                args[i++] = value;
            }
        }
        return new RowsTable(sql.toString(), args);
    }
}
