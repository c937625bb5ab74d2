package org.envol.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A report as a table, the one shape the screen and every export format write: a title, a few
 * subtitle lines (section, period), typed columns and rows. A row has a style — a detail line, a
 * heading (« PRODUITS D’EXPLOITATION », an account of the general ledger), a subtotal or the
 * totals — and, on screen only, a link.
 *
 * <p>The rows are an {@link Iterable}: a long journal is read from the books page by page while
 * it is written (each iteration reads it again), never held whole in memory.
 */
public record Report(String title, List<String> subtitleLines, List<Column> columns, Iterable<Row> rows) {

    public Report {
        subtitleLines = List.copyOf(subtitleLines);
        columns = List.copyOf(columns);
        if (rows instanceof Collection<Row> held) {
            rows = List.copyOf(held);
            for (Row row : rows) {
                row.requireWidth(columns.size());
            }
        }
    }

    /** A table of detail rows with an optional totals row (null or empty: none). */
    public static Report of(String title, List<String> subtitleLines, List<Column> columns, List<List<Cell>> rows,
            List<Cell> totals) {
        List<Row> all = new ArrayList<>(rows.size() + 1);
        rows.forEach(cells -> all.add(Row.detail(cells)));
        if (totals != null && !totals.isEmpty()) {
            all.add(Row.of(Style.TOTAL, totals));
        }
        return new Report(title, subtitleLines, columns, all);
    }

    public enum Kind {
        TEXT, DATE, AMOUNT
    }

    /** How a row reads: a line, a heading above lines, a subtotal below them, or the totals. */
    public enum Style {
        DETAIL, HEADING, SUBTOTAL, TOTAL;

        /** Headings, subtotals and totals stand out (bold); detail lines do not. */
        public boolean emphasized() {
            return this != DETAIL;
        }

        /** The CSS class of the row on screen. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A column: its header, what its cells hold, and its usual width in characters. */
    public record Column(String header, Kind kind, int width) {
    }

    /**
     * A row: its style, one cell per column, and where it leads on screen (null: nowhere) from which
     * cell ({@code linkCell}; -1: the first text that is not blank).
     */
    public record Row(Style style, List<Cell> cells, String link, int linkCell) {

        public Row {
            cells = List.copyOf(cells);
        }

        public static Row detail(List<Cell> cells) {
            return new Row(Style.DETAIL, cells, null, -1);
        }

        public static Row of(Style style, List<Cell> cells) {
            return new Row(style, cells, null, -1);
        }

        public Row linkedTo(String path) {
            return new Row(style, cells, path, -1);
        }

        public Row linkedTo(String path, int cell) {
            return new Row(style, cells, path, cell);
        }

        /** The cell a screen shows the link on (-1: none). */
        public int linkedCell() {
            if (linkCell >= 0) {
                return linkCell;
            }
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) instanceof Text t && !t.value().isBlank()) {
                    return i;
                }
            }
            return -1;
        }

        /** Writers call this on each row: a lazily built row is checked when it is written. */
        Row requireWidth(int columns) {
            if (cells.size() != columns) {
                throw new IllegalArgumentException("a row has " + cells.size() + " cells for " + columns + " columns");
            }
            return this;
        }
    }

    /** A cell: a text, a date or an amount in cents; blank is an empty text. */
    public sealed interface Cell {

        /** What the cell holds, for templates. */
        Kind kind();

        static Cell text(String value) {
            return new Text(value == null ? "" : value);
        }

        static Cell date(LocalDate value) {
            return value == null ? blank() : new Date(value);
        }

        static Cell amount(long cents) {
            return new Amount(cents);
        }

        /** An amount, or blank when it is zero (debit and credit columns read better so). */
        static Cell amountOrBlank(long cents) {
            return cents == 0 ? blank() : new Amount(cents);
        }

        static Cell blank() {
            return new Text("");
        }
    }

    public record Text(String value) implements Cell {
        @Override
        public Kind kind() {
            return Kind.TEXT;
        }
    }

    public record Date(LocalDate value) implements Cell {
        @Override
        public Kind kind() {
            return Kind.DATE;
        }
    }

    public record Amount(long cents) implements Cell {
        @Override
        public Kind kind() {
            return Kind.AMOUNT;
        }
    }
}
