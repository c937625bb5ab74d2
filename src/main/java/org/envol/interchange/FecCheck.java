package org.envol.interchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envol.ledger.Messages;
import org.springframework.stereotype.Component;

/**
 * The conformity check of a FEC (formats.md §1), run on every exported file before it is offered
 * and usable on any FEC: what the DGFiP's « Test Compta Demat » checks, plus continuous numbering
 * per journal and validation dates in order. Reads line by line: memory holds the open entry, one
 * counter per journal and the first line of each entry number (to find an entry split in two).
 */
@Component
public class FecCheck {

    public static final List<String> COLUMNS = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
            "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
            "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");

    static final int JOURNAL_CODE = 0, JOURNAL_LIB = 1, NUM = 2, DATE = 3, COMPTE = 4, COMPTE_LIB = 5, PIECE_REF = 8,
            PIECE_DATE = 9, LIB = 10, DEBIT = 11, CREDIT = 12, DATE_LET = 14, VALID_DATE = 15, MONTANT_DEVISE = 16;

    private static final int[] MANDATORY = {JOURNAL_CODE, JOURNAL_LIB, NUM, DATE, COMPTE, COMPTE_LIB, PIECE_REF, PIECE_DATE,
        LIB, DEBIT, CREDIT, VALID_DATE};
    private static final int[] DATES = {DATE, PIECE_DATE, DATE_LET, VALID_DATE};
    private static final int[] NUMBERS = {DEBIT, CREDIT, MONTANT_DEVISE};
    /** Decimal comma, no thousands separator, sign first or last. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+)(,([0-9]+))?[+-]?");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("([0-9]+)$");
    private static final DateTimeFormatter AAAAMMJJ = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    /** The journal of the opening entries, which come first whatever their validation date. */
    static final String OPENING_JOURNAL = "AN";

    private final Messages messages;

    FecCheck(Messages messages) {
        this.messages = messages;
    }

    /** Checks a file in any character set the law allows (UTF-8 with or without BOM, ISO-8859-15; Windows-1252 too). */
    public List<FecProblem> check(Path file) {
        try {
            FecCharset charset = FecCharset.detect(file);
            try (Reader in = charset.open(file)) {
                return check(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks a UTF-8 file (a byte-order mark is accepted, as the DGFiP's tool does). */
    public List<FecProblem> check(InputStream in) {
        return check(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public List<FecProblem> check(Reader reader) {
        Run run = new Run();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            while ((line = r.readLine()) != null) {
                run.line(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.end();
        return run.problems;
    }

    /** A problem in the current language: « Ligne 3, colonne Debit : … ». */
    public String describe(FecProblem p) {
        String text = messages.get(p.key(), p.args().toArray());
        String where = p.column() == null ? messages.get("fec.check.at.line", p.line())
                : messages.get("fec.check.at.column", p.line(), p.column());
        return messages.get(p.error() ? "fec.check.error" : "fec.check.warning", where, text);
    }

    public static boolean hasErrors(List<FecProblem> problems) {
        return problems.stream().anyMatch(FecProblem::error);
    }

    private static final class Run {
        final List<FecProblem> problems = new ArrayList<>();
        int lineNo;
        String separator;
        String splitter;
        int fields;
        boolean broken;
        /** The Montant/Sens variant: columns 12 and 13 hold the amount and its direction (D/C or +1/-1). */
        boolean amountAndSense;
        final String[] names = COLUMNS.toArray(String[]::new);
        // the entry being read: its number, first line, header fields and totals
        String entryNum;
        int entryLine;
        String[] entryFirst;
        long debitCents;
        long creditCents;
        final Map<String, Integer> entryLineOf = new HashMap<>();
        final Map<String, Long> lastNumberOfJournal = new LinkedHashMap<>();
        boolean openingBlock = true;
        LocalDate lastValidDate;

        void line(String raw) {
            lineNo++;
            String line = lineNo == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            if (lineNo == 1) {
                header(line);
                return;
            }
            if (broken || line.isEmpty()) {
                return;
            }
            String[] f = line.split(splitter, -1);
            if (f.length != fields) {
                problems.add(FecProblem.error(lineNo, null, "fields", f.length, fields));
                return;
            }
            for (int c : MANDATORY) {
                if (f[c].isBlank()) {
                    problems.add(FecProblem.error(lineNo, names[c], "empty"));
                }
            }
            for (int c : DATES) {
                if (!f[c].isEmpty() && date(f[c]) == null) {
                    problems.add(FecProblem.error(lineNo, COLUMNS.get(c), "date", f[c]));
                }
            }
            Long[] amounts = new Long[COLUMNS.size()];
            for (int c : NUMBERS) {
                if (f[c].isEmpty() || amountAndSense && c == CREDIT) {
                    continue;
                }
                amounts[c] = cents(f[c]);
                if (amounts[c] == null) {
                    problems.add(FecProblem.error(lineNo, names[c], f[c].contains(".") ? "decimal.point" : "number", f[c]));
                }
            }
            if (amountAndSense) {
                senseToDebitCredit(f, amounts);
            }
            if (!f[COMPTE].isEmpty() && !startsWithThreeDigits(f[COMPTE])) {
                problems.add(FecProblem.error(lineNo, COLUMNS.get(COMPTE), "account", f[COMPTE]));
            }
            long debit = amounts[DEBIT] == null ? 0 : amounts[DEBIT];
            long credit = amounts[CREDIT] == null ? 0 : amounts[CREDIT];
            if (amounts[DEBIT] != null && amounts[CREDIT] != null && (debit != 0) == (credit != 0)) {
                problems.add(FecProblem.warning(lineNo, null, debit == 0 ? "both.zero" : "both.set"));
            }
            entry(f, debit, credit);
        }

        /** Montant/Sens as debit and credit, so that the rest of the check reads one form. */
        void senseToDebitCredit(String[] f, Long[] amounts) {
            Long amount = amounts[DEBIT];
            String sense = f[CREDIT].strip().toUpperCase(java.util.Locale.ROOT);
            boolean debit = sense.equals("D") || sense.equals("+1");
            if (!debit && !sense.equals("C") && !sense.equals("-1")) {
                problems.add(FecProblem.error(lineNo, names[CREDIT], "sense", f[CREDIT]));
                amounts[DEBIT] = null;
                return;
            }
            amounts[DEBIT] = amount == null ? null : debit ? amount : Long.valueOf(0);
            amounts[CREDIT] = amount == null ? null : debit ? Long.valueOf(0) : amount;
        }

        void header(String line) {
            // as the DGFiP's tool: TAB when the header splits into many fields with it, else |
            separator = line.split("\t", -1).length >= 9 ? "\t" : line.split("\\|", -1).length >= 9 ? "|" : null;
            if (separator == null) {
                problems.add(FecProblem.error(1, null, "separator"));
                broken = true;
                return;
            }
            // a one-character pattern String.split cuts without the regex engine: TAB as is, | escaped
            splitter = separator.equals("|") ? "\\|" : "\t";
            String[] names = line.split(splitter, -1);
            fields = names.length;
            if (fields != COLUMNS.size()) {
                problems.add(FecProblem.error(1, null, "header.count", fields, COLUMNS.size()));
                broken = true;
                return;
            }
            amountAndSense = names[DEBIT].strip().equalsIgnoreCase("Montant") && names[CREDIT].strip().equalsIgnoreCase("Sens");
            if (amountAndSense) {
                this.names[DEBIT] = "Montant";
                this.names[CREDIT] = "Sens";
            }
            for (int i = 0; i < fields; i++) {
                if (!names[i].strip().equalsIgnoreCase(this.names[i])) {
                    problems.add(FecProblem.error(1, COLUMNS.get(i), "header.name", names[i], i + 1));
                    broken = true;
                }
            }
        }

        /** Accumulates the lines of one EcritureNum; checks its balance when the next one starts. */
        void entry(String[] f, long debit, long credit) {
            String num = f[NUM];
            if (!num.equals(entryNum)) {
                closeEntry();
                Integer seen = entryLineOf.get(num);
                if (seen != null) {
                    problems.add(FecProblem.error(lineNo, COLUMNS.get(NUM), "entry.split", num, seen));
                }
                entryLineOf.put(num, lineNo);
                entryNum = num;
                entryLine = lineNo;
                entryFirst = f;
                debitCents = 0;
                creditCents = 0;
                numbering(f);
                validationOrder(f);
            } else {
                for (int c : new int[] {JOURNAL_CODE, DATE, PIECE_REF, PIECE_DATE}) {
                    if (!f[c].equals(entryFirst[c])) {
                        problems.add(FecProblem.error(lineNo, COLUMNS.get(c), "entry.inconsistent", num, f[c], entryFirst[c], entryLine));
                    }
                }
            }
            debitCents += debit;
            creditCents += credit;
        }

        void closeEntry() {
            if (entryNum != null && debitCents != creditCents) {
                problems.add(FecProblem.error(entryLine, COLUMNS.get(NUM), "entry.unbalanced", entryNum,
                        org.envol.ledger.Money.plain(debitCents), org.envol.ledger.Money.plain(creditCents)));
            }
        }

        /** Within a journal, each new entry number is the previous one plus one (on its trailing digits). */
        void numbering(String[] f) {
            Matcher m = TRAILING_NUMBER.matcher(f[NUM]);
            if (!m.find() || m.group(1).length() > 18) {
                return;
            }
            long n = Long.parseLong(m.group(1));
            Long previous = lastNumberOfJournal.put(f[JOURNAL_CODE], n);
            if (previous != null && n != previous + 1) {
                problems.add(FecProblem.error(lineNo, COLUMNS.get(NUM), "numbering", f[NUM], f[JOURNAL_CODE], previous + 1));
            }
        }

        /** Validation dates never go back, except that the opening entries (AN) come first. */
        void validationOrder(String[] f) {
            if (openingBlock && OPENING_JOURNAL.equals(f[JOURNAL_CODE])) {
                return;
            }
            openingBlock = false;
            LocalDate valid = date(f[VALID_DATE]);
            if (valid == null) {
                return;
            }
            if (lastValidDate != null && valid.isBefore(lastValidDate)) {
                problems.add(FecProblem.error(lineNo, COLUMNS.get(VALID_DATE), "validation.order", f[VALID_DATE],
                        lastValidDate.format(AAAAMMJJ)));
            }
            lastValidDate = valid;
        }

        void end() {
            if (lineNo == 0) {
                problems.add(FecProblem.error(1, null, "empty.file"));
                return;
            }
            closeEntry();
        }
    }

    static LocalDate date(String s) {
        return FecReader.parseDate(s);
    }

    private static boolean startsWithThreeDigits(String s) {
        if (s.length() < 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Cents of a FEC amount, or null when it is not one (a decimal point, a thousands separator). */
    static Long cents(String s) {
        Matcher m = NUMBER.matcher(s);
        if (!m.matches() || (s.startsWith("-") || s.startsWith("+")) && (s.endsWith("-") || s.endsWith("+"))) {
            return null;
        }
        String decimals = m.group(3) == null ? "" : m.group(3);
        if (decimals.length() > 2 || m.group(1).length() > 15) {
            return decimals.length() > 2 && decimals.substring(2).chars().allMatch(c -> c == '0')
                    ? cents(s.replaceFirst(",([0-9]{2})0+", ",$1")) : null;
        }
        long value = Long.parseLong(m.group(1)) * 100 + Long.parseLong((decimals + "00").substring(0, 2));
        return s.startsWith("-") || s.endsWith("-") ? -value : value;
    }
}
