package org.envol.members;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.envol.platform.SpreadsheetText;

/**
 * Reads a member list as spreadsheets save it: UTF-8 (with or without BOM) or Windows-1252, {@code ;}
 * or {@code ,} between fields, a header naming the columns in any order (French or English names,
 * case and accents ignored). Returns the lines' raw texts and the file's problems; the meaning of
 * each field is {@link MemberImport}'s business.
 */
final class MemberCsv {

    private MemberCsv() {
    }

    /** The columns of a member list and the header names that mean each (compared as lower-case letters only). */
    enum Column {
        LAST_NAME("nom", "nomdefamille", "lastname"),
        FIRST_NAME("prenom", "firstname"),
        EMAIL("email", "mail", "courriel"),
        BIRTH_DATE("datenaissance", "datedenaissance", "naissance", "birthdate", "dateofbirth"),
        SECTIONS("sections", "section"),
        PAYER("payeur", "emailpayeur", "payeuremail", "payer", "payeremail");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Column named(String header) {
            String n = MemberService.searchable(header).replaceAll("[^a-z]", "");
            return Arrays.stream(values()).filter(c -> c.names.contains(n)).findFirst().orElse(null);
        }
    }

    /** A line of the file: its number (1 is the header) and its fields by column, trimmed ("" when absent). */
    record Row(int line, Map<Column, String> fields) {

        String get(Column c) {
            return fields.getOrDefault(c, "");
        }

        boolean has(Column c) {
            return !get(c).isEmpty();
        }
    }

    record Parsed(String encoding, char separator, List<Row> rows, List<ImportProblem> problems) {
    }

    static Parsed read(byte[] bytes) {
        List<ImportProblem> problems = new ArrayList<>();
        if (bytes.length > MemberLimits.IMPORT_BYTES_MAX) {
            problems.add(ImportProblem.at(0, MemberRule.FILE_TOO_BIG, MemberLimits.IMPORT_BYTES_MAX / 1000));
            return new Parsed("", ';', List.of(), problems);
        }
        SpreadsheetText text = SpreadsheetText.decode(bytes);
        char separator = separator(text.text());
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), format)) {
            List<Column> columns = null;
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (record.stream().allMatch(String::isBlank)) {
                    continue; // « ;;;; » lines that spreadsheets leave below the data
                }
                if (columns == null) {
                    columns = header(record, line, problems);
                    continue;
                }
                if (record.size() != columns.size()) {
                    problems.add(ImportProblem.at(line, MemberRule.FIELD_COUNT, record.size(), columns.size()));
                    continue;
                }
                if (rows.size() == MemberLimits.IMPORT_ROWS_MAX) {
                    problems.add(ImportProblem.at(line, MemberRule.TOO_MANY_ROWS, MemberLimits.IMPORT_ROWS_MAX));
                    break;
                }
                Map<Column, String> fields = new EnumMap<>(Column.class);
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i) != null) {
                        fields.put(columns.get(i), record.get(i).strip());
                    }
                }
                rows.add(new Row(line, fields));
            }
            if (columns == null) {
                problems.add(ImportProblem.at(0, MemberRule.FILE_EMPTY));
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            // an unclosed quote: commons-csv names the line where the field started
            String where = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s).*\\(startline (\\d+)\\).*", "$1");
            problems.add(ImportProblem.at(where.matches("\\d+") ? Integer.parseInt(where) : 0, MemberRule.FILE_MALFORMED));
        }
        return new Parsed(text.encoding(), separator, rows, problems);
    }

    /** The columns in file order (null for none), after checking every name is known, once, and the names are there. */
    private static List<Column> header(CSVRecord record, int line, List<ImportProblem> problems) {
        List<Column> columns = new ArrayList<>();
        for (String name : record) {
            Column c = Column.named(name);
            if (c == null) {
                problems.add(ImportProblem.at(line, MemberRule.COLUMN_UNKNOWN, name.strip()));
            } else if (columns.contains(c)) {
                problems.add(ImportProblem.at(line, MemberRule.COLUMN_TWICE, name.strip()));
                c = null;
            }
            columns.add(c);
        }
        for (Column required : List.of(Column.LAST_NAME, Column.FIRST_NAME)) {
            if (!columns.contains(required)) {
                problems.add(ImportProblem.at(line, MemberRule.COLUMN_MISSING, required.names.get(0)));
            }
        }
        return columns;
    }

    /** {@code ;} unless the header line has a comma and no semicolon. */
    static char separator(String text) {
        String t = text.stripLeading();
        int end = t.indexOf('\n');
        String header = end < 0 ? t : t.substring(0, end);
        return header.indexOf(';') < 0 && header.indexOf(',') >= 0 ? ',' : ';';
    }
}
