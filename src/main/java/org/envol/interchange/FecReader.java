package org.envol.interchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Limits;
import org.envol.ledger.Money;

/**
 * Reads a FEC into a {@link FecBook}, line by line (the file is never held whole): separator TAB
 * or {@code |} (one per file, found on the header), character set UTF-8, UTF-8 with BOM,
 * ISO-8859-15 or Windows-1252 ({@link FecCharset}), columns found by name (Debit/Credit or the
 * Montant/Sens variant; extra columns ignored), dates {@code AAAAMMJJ}, amounts with a decimal
 * comma or point. Lines are grouped into entries by (JournalCode, EcritureNum); each entry must
 * balance. Every problem is named by its line; nothing stops at the first one.
 */
final class FecReader {

    /** The most lines a file may have: about four years of a very large club, a few hundred MB of memory. */
    static final int LINES_MAX = 2_000_000;

    /** Columns the import reads, by their normalised header name. */
    enum Column {
        JOURNAL_CODE("journalcode", true), JOURNAL_LIB("journallib", false), NUM("ecriturenum", true),
        DATE("ecrituredate", true), ACCOUNT("comptenum", true), ACCOUNT_LIB("comptelib", false),
        AUX("compauxnum", false), AUX_LIB("compauxlib", false), PIECE_REF("pieceref", false), LIB("ecriturelib", true),
        DEBIT("debit", false), CREDIT("credit", false), AMOUNT("montant", false), SENSE("sens", false);

        final String normalised;
        final boolean required;

        Column(String normalised, boolean required) {
            this.normalised = normalised;
            this.required = required;
        }
    }

    /** The 18 columns in the law's order, for a file without a header line (as OpenFlyers documents its export). */
    private static final Column[] LEGAL_ORDER = {Column.JOURNAL_CODE, Column.JOURNAL_LIB, Column.NUM, Column.DATE,
        Column.ACCOUNT, Column.ACCOUNT_LIB, Column.AUX, Column.AUX_LIB, Column.PIECE_REF, null, Column.LIB,
        Column.DEBIT, Column.CREDIT, null, null, null, null, null};

    private static final long INVALID = Long.MIN_VALUE;

    private final int linesMax;

    FecReader() {
        this(LINES_MAX);
    }

    FecReader(int linesMax) {
        this.linesMax = linesMax;
    }

    FecBook read(Path file) throws IOException {
        FecCharset charset = FecCharset.detect(file);
        try (BufferedReader in = charset.open(file)) {
            FecBook book = read(in);
            book.charset = charset.name();
            return book;
        }
    }

    FecBook read(BufferedReader in) throws IOException {
        Run run = new Run(new FecBook());
        String line;
        while ((line = in.readLine()) != null) {
            if (run.book.lines == linesMax) {
                run.book.problems.error(linesMax + 1, null, "lines.max", linesMax);
                return run.book;
            }
            run.line(line);
        }
        run.end();
        return run.book;
    }

    /** Lower case, no accents, letters and digits only: « Crédit » and « credit » name the same column. */
    static String normalise(String name) {
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private final class Run {
        final FecBook book;
        char separator;
        int fieldCount;
        /** Field index of each column, -1 when absent. */
        final int[] at = new int[Column.values().length];
        boolean amountAndSense;
        boolean broken;
        /** The line being read, and where each of its fields starts (one place more: the end of the last, plus one). */
        String current;
        int[] starts;
        final Map<String, Integer> accountIndex = new HashMap<>();
        final Map<String, FecBook.FecEntry> entries = new LinkedHashMap<>();
        final Map<String, LocalDate> dates = new HashMap<>();
        int zeroLines;
        int firstZeroLine;

        Run(FecBook book) {
            this.book = book;
        }

        void line(String raw) {
            int lineNo = ++book.lines;
            if (lineNo == 1) {
                header(raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
                return;
            }
            if (broken || raw.isBlank()) {
                return;
            }
            data(lineNo, raw);
        }

        void header(String line) {
            if (line.isBlank()) {
                book.problems.error(1, null, "not.fec");
                broken = true;
                return;
            }
            separator = count(line, '\t') + 1 >= 9 ? '\t' : count(line, '|') + 1 >= 9 ? '|' : 0;
            if (separator == 0) {
                book.problems.error(1, null, "separator");
                broken = true;
                return;
            }
            String[] names = split(line, separator, new String[count(line, separator) + 1]);
            fieldCount = names.length;
            starts = new int[fieldCount + 1];
            java.util.Arrays.fill(at, -1);
            Map<String, Column> byName = new HashMap<>();
            for (Column c : Column.values()) {
                byName.put(c.normalised, c);
            }
            for (int i = 0; i < names.length; i++) {
                Column c = byName.get(normalise(names[i]));
                if (c != null && at[c.ordinal()] < 0) {
                    at[c.ordinal()] = i;
                }
            }
            if (at[Column.JOURNAL_CODE.ordinal()] < 0 && at[Column.NUM.ordinal()] < 0) {
                headerless(line, names);
                return;
            }
            amountAndSense = at[Column.DEBIT.ordinal()] < 0 && at[Column.AMOUNT.ordinal()] >= 0;
            List<String> missing = new ArrayList<>();
            for (Column c : Column.values()) {
                if (c.required && at[c.ordinal()] < 0) {
                    missing.add(c.normalised);
                }
            }
            Column[] amounts = amountAndSense ? new Column[] {Column.AMOUNT, Column.SENSE} : new Column[] {Column.DEBIT, Column.CREDIT};
            for (Column c : amounts) {
                if (at[c.ordinal()] < 0) {
                    missing.add(c.normalised);
                }
            }
            if (!missing.isEmpty()) {
                book.problems.error(1, null, "header.missing", String.join(", ", missing.stream().map(FecReader::legalName).toList()));
                broken = true;
            }
        }

        /** A first line of 18 fields whose 4th is a date: data in the law's order, without a header line. */
        void headerless(String line, String[] names) {
            if (names.length != LEGAL_ORDER.length || date(names[3].strip()) == null) {
                book.problems.error(1, null, "header", names[0]);
                broken = true;
                return;
            }
            for (int i = 0; i < LEGAL_ORDER.length; i++) {
                if (LEGAL_ORDER[i] != null) {
                    at[LEGAL_ORDER[i].ordinal()] = i;
                }
            }
            book.header = false;
            book.problems.warning(1, null, "header.none");
            book.lines = 1;
            data(1, line);
        }

        /** A field of the current line, cut out only when asked for (a third of the columns are never read). */
        String field(Column c) {
            int i = at[c.ordinal()];
            return i < 0 ? "" : current.substring(starts[i], starts[i + 1] - 1).strip();
        }

        void data(int lineNo, String line) {
            int n = 1;
            starts[0] = 0;
            for (int i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, i + 1)) {
                if (n < fieldCount) {
                    starts[n] = i + 1;
                }
                n++;
            }
            if (n != fieldCount) {
                book.problems.error(lineNo, null, "fields", n, fieldCount);
                return;
            }
            starts[fieldCount] = line.length() + 1;
            current = line;
            boolean ok = true;
            for (Column c : new Column[] {Column.JOURNAL_CODE, Column.NUM, Column.DATE, Column.ACCOUNT}) {
                if (field(c).isEmpty()) {
                    book.problems.error(lineNo, legalName(c.normalised), "empty");
                    ok = false;
                }
            }
            String dateText = field(Column.DATE);
            LocalDate date = dateText.isEmpty() ? null : date(dateText);
            if (date == null && !dateText.isEmpty()) {
                book.problems.error(lineNo, "EcritureDate", "date", dateText);
                ok = false;
            }
            long amount = amount(lineNo);
            if (amount == INVALID) {
                ok = false;
            }
            if (!ok) {
                return;
            }
            if (amount == 0) {
                if (zeroLines++ == 0) {
                    firstZeroLine = lineNo;
                }
                return;
            }
            String journal = field(Column.JOURNAL_CODE);
            String number = field(Column.NUM);
            if (!book.journals.containsKey(journal)) {
                book.journals.put(journal, field(Column.JOURNAL_LIB));
            }
            String key = journal + '\u0001' + number;
            FecBook.FecEntry entry = entries.get(key);
            String lib = field(Column.LIB);
            if (entry == null) {
                entry = new FecBook.FecEntry(journal, number, date, field(Column.PIECE_REF), lib, lineNo);
                entries.put(key, entry);
            } else if (!entry.date.equals(date)) {
                book.problems.error(lineNo, "EcritureDate", "entry.date", number, dateText, entry.firstLine);
                return;
            }
            entry.lines.add(new FecBook.FecLine(lineNo, account(lineNo), amount, lib));
            if (amount > 0) {
                entry.debitCents += amount;
            } else {
                entry.creditCents -= amount;
            }
            book.entryLines++;
        }

        int account(int lineNo) {
            String number = field(Column.ACCOUNT);
            String aux = field(Column.AUX);
            String lib = field(Column.ACCOUNT_LIB);
            // the label too: Envol's own FEC writes one CompteNum (7061) for several accounts told apart by CompteLib
            String key = number + '\u0001' + lib + '\u0001' + aux;
            Integer index = accountIndex.get(key);
            if (index == null) {
                index = book.accounts.size();
                book.accounts.add(new FecBook.FecAccount(number, lib, aux, field(Column.AUX_LIB), lineNo));
                accountIndex.put(key, index);
            }
            return index;
        }

        /** The line's signed amount (debit positive), {@link #INVALID} after naming the problem. */
        long amount(int lineNo) {
            if (amountAndSense) {
                String text = field(Column.AMOUNT);
                long cents = cents(text);
                if (cents == INVALID) {
                    book.problems.error(lineNo, "Montant", "amount", text);
                    return INVALID;
                }
                String sense = field(Column.SENSE).toUpperCase(java.util.Locale.ROOT);
                switch (sense) {
                    case "D", "+1", "1" -> {
                        return cents;
                    }
                    case "C", "-1" -> {
                        return -cents;
                    }
                    default -> {
                        book.problems.error(lineNo, "Sens", "sense", field(Column.SENSE));
                        return INVALID;
                    }
                }
            }
            String debitText = field(Column.DEBIT);
            String creditText = field(Column.CREDIT);
            long debit = cents(debitText);
            long credit = cents(creditText);
            if (debit == INVALID) {
                book.problems.error(lineNo, "Debit", "amount", debitText);
            }
            if (credit == INVALID) {
                book.problems.error(lineNo, "Credit", "amount", creditText);
            }
            return debit == INVALID || credit == INVALID ? INVALID : debit - credit;
        }

        LocalDate date(String text) {
            LocalDate d = dates.get(text);
            if (d == null) {
                d = parseDate(text);
                if (d != null) {
                    dates.put(text, d);
                }
            }
            return d;
        }

        void end() {
            if (book.lines == 0) {
                book.problems.error(1, null, "empty.file");
                return;
            }
            if (broken) {
                return;
            }
            for (FecBook.FecEntry e : entries.values()) {
                if (e.label.isEmpty()) {
                    e.label = e.lines.stream().map(FecBook.FecLine::label).filter(l -> !l.isEmpty()).findFirst().orElse("");
                    if (e.label.isEmpty()) {
                        book.problems.error(e.firstLine, "EcritureLib", "entry.label", e.number);
                    }
                }
                if (e.debitCents != e.creditCents) {
                    book.problems.error(e.firstLine, "EcritureNum", "unbalanced", e.number, Money.plain(e.debitCents),
                            Money.plain(e.creditCents));
                }
                book.entries.add(e);
            }
            if (zeroLines > 0) {
                book.problems.warning(firstZeroLine, null, "zero.lines", zeroLines);
            }
            if (book.entries.isEmpty() && !book.problems.hasErrors()) {
                book.problems.error(book.lines, null, "no.entries");
            }
        }
    }

    /** The law's spelling of a column, for messages. */
    static String legalName(String normalised) {
        for (String name : FecCheck.COLUMNS) {
            if (normalise(name).equals(normalised)) {
                return name;
            }
        }
        return normalised.equals("montant") ? "Montant" : normalised.equals("sens") ? "Sens" : normalised;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /** Splits into {@code out}, which has exactly as many places as the line has fields. */
    private static String[] split(String s, char c, String[] out) {
        int start = 0;
        for (int i = 0; i < out.length - 1; i++) {
            int end = s.indexOf(c, start);
            out[i] = s.substring(start, end);
            start = end + 1;
        }
        out[out.length - 1] = s.substring(start);
        return out;
    }

    /** {@code AAAAMMJJ}, or null. */
    static LocalDate parseDate(String s) {
        if (s.length() != 8) {
            return null;
        }
        for (int i = 0; i < 8; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 4, 6, 10), Integer.parseInt(s, 6, 8, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Cents of a FEC amount: digits, a decimal comma or point, the sign first or last, no
     * thousands separator; empty is zero (some software leaves the other side blank). Decimals
     * past the second must be zeros. {@link #INVALID} when it is not an amount, or more than the
     * ledger takes.
     */
    static long cents(String s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int from = 0;
        int to = n;
        boolean negative = false;
        char first = s.charAt(0);
        char last = s.charAt(n - 1);
        if (first == '-' || first == '+') {
            negative = first == '-';
            from = 1;
        } else if (last == '-' || last == '+') {
            negative = last == '-';
            to = n - 1;
        }
        long units = 0;
        long decimals = 0;
        int digits = 0;
        int decimalDigits = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (decimalDigits < 0) {
                    if (++digits > 15) {
                        return INVALID;
                    }
                    units = units * 10 + (c - '0');
                } else if (++decimalDigits <= 2) {
                    decimals = decimals * 10 + (c - '0');
                } else if (c != '0') {
                    return INVALID;
                }
            } else if ((c == ',' || c == '.') && decimalDigits < 0 && digits > 0) {
                decimalDigits = 0;
            } else {
                return INVALID;
            }
        }
        if (digits == 0 || decimalDigits == 0) {
            return INVALID;
        }
        if (decimalDigits == 1) {
            decimals *= 10;
        }
        long cents = units * 100 + decimals;
        if (cents > Limits.AMOUNT_MAX_CENTS) {
            return INVALID;
        }
        return negative ? -cents : cents;
    }
}
