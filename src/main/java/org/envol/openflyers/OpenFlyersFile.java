package org.envol.openflyers;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.envol.ledger.Money;
import org.envol.platform.SpreadsheetText;

/**
 * An OpenFlyers CSV export read as lines of fields, whatever the file's dress: {@code ;} or tab
 * between fields (decided on the first line), UTF-8 with or without BOM or Windows-1252, quoted
 * fields that may hold the separator. No real export is public (formats.md §2), so the reader
 * accepts the variants listed there and refuses the rest naming the line. What the fields mean
 * is the business of each file's reader ({@link BalanceFile}, the journal).
 */
public final class OpenFlyersFile {

    /** A few thousand members' balances or a year of flows fit well below these. */
    public static final int BYTES_MAX = 30_000_000;
    public static final int LINES_MAX = 500_000;

    /** A line of the file: its number (from 1) and its fields, trimmed. */
    public record Row(int line, List<String> fields) {

        /** The field at {@code index} (from 0), "" when the line is shorter. */
        public String get(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }

        public int size() {
            return fields.size();
        }

        public boolean blank() {
            return fields.stream().allMatch(String::isEmpty);
        }
    }

    private final String encoding;
    private final char separator;
    private final List<Row> rows;

    private OpenFlyersFile(String encoding, char separator, List<Row> rows) {
        this.encoding = encoding;
        this.separator = separator;
        this.rows = List.copyOf(rows);
    }

    /** Reads the file; throws {@link OpenFlyersException} naming the line when it cannot be read. Blank lines are left out. */
    public static OpenFlyersFile read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new OpenFlyersException("openflyers.file.empty", 1);
        }
        if (bytes.length > BYTES_MAX) {
            throw new OpenFlyersException("openflyers.file.tooBig", BYTES_MAX / 1_000_000);
        }
        SpreadsheetText text = SpreadsheetText.decode(bytes);
        char separator = separator(text.text());
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        int line = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), format)) {
            for (CSVRecord record : parser) {
                if (line > LINES_MAX) {
                    throw new OpenFlyersException("openflyers.file.tooManyLines", line, LINES_MAX);
                }
                Row row = new Row(line, record.toList());
                if (!row.blank()) {
                    rows.add(row);
                }
                // a quoted field may run over several lines: the next record starts after them
                line = (int) parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            // an unclosed quote: commons-csv names the line where the field started
            String where = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s).*\\(startline (\\d+)\\).*", "$1");
            throw new OpenFlyersException("openflyers.file.malformed", where.matches("\\d+") ? Integer.parseInt(where) : line);
        }
        if (rows.isEmpty()) {
            throw new OpenFlyersException("openflyers.file.empty", 1);
        }
        return new OpenFlyersFile(text.encoding(), separator, rows);
    }

    /** Tab when the first line has more tabs than semicolons, else {@code ;}. */
    static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long tabs = first.chars().filter(c -> c == '\t').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        return tabs > semicolons ? '\t' : ';';
    }

    /**
     * An amount in cents: decimal comma or point, thousands grouped by spaces, trailing zeros
     * stripped ("2.1" is 2,10 €), a sign in front. Refused naming the line otherwise.
     */
    public static long amount(String text, int line) {
        return Money.parse(text).orElseThrow(() -> new OpenFlyersException("openflyers.file.amount", line, text == null ? "" : text));
    }

    public String encoding() {
        return encoding;
    }

    public char separator() {
        return separator;
    }

    /** The non-blank lines, in file order. */
    public List<Row> rows() {
        return rows;
    }
}
