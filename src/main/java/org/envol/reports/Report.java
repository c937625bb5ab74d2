package org.envol.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A report as a table, the one shape every export format writes: a title, a few subtitle lines
 * (section, period), typed columns, rows of cells and an optional totals row.
 */
public record Report(String title, List<String> subtitleLines, List<Column> columns, List<List<Cell>> rows,
        List<Cell> totals) {

    public Report {
        subtitleLines = List.copyOf(subtitleLines);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = totals == null ? List.of() : List.copyOf(totals);
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
        if (!totals.isEmpty() && totals.size() != columns.size()) {
            throw new IllegalArgumentException("the totals row has " + totals.size() + " cells for " + columns.size() + " columns");
        }
    }

    public enum Kind {
        TEXT, DATE, AMOUNT
    }

    /** A column: its header, what its cells hold, and its usual width in characters. */
    public record Column(String header, Kind kind, int width) {
    }

    /** A cell: a text, a date or an amount in cents; blank is an empty text. */
    public sealed interface Cell {

        static Cell text(String value) {
            return new Text(value == null ? "" : value);
        }

        static Cell date(LocalDate value) {
            return value == null ? blank() : new Date(value);
        }

        static Cell amount(long cents) {
            return new Amount(cents);
        }

        static Cell blank() {
            return new Text("");
        }
    }

    public record Text(String value) implements Cell {
    }

    public record Date(LocalDate value) implements Cell {
    }

    public record Amount(long cents) implements Cell {
    }
}
