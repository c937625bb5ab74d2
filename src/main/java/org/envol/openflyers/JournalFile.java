package org.envol.openflyers;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.envol.ledger.Limits;
import org.envol.ledger.Money;
import org.envol.platform.SpreadsheetText;

/**
 * An OpenFlyers journal export read into its flows, one per flow number. Two layouts:
 * <ul>
 * <li>the general ledger « Grand livre » CSV (account blocks, each movement on two lines, the
 * second naming the counterpart; the same flow appears under both of its accounts);</li>
 * <li>OpenFlyers' FEC export (EcritureNum is the flow number; the account is the export account,
 * CompAuxNum or CompteLib, since the FEC carries no OpenFlyers id).</li>
 * </ul>
 * Separator {@code ;}, tab (or {@code |} for the FEC), quotes as in CSV; UTF-8 with or without
 * BOM, or Windows-1252; amounts with a decimal comma or point. Every problem is named by its
 * line; a file with any problem yields no flow at all ({@link JournalFileException}).
 */
public record JournalFile(Layout layout, String encoding, LocalDate from, LocalDate to, List<JournalFlow> flows) {

    public enum Layout {
        GENERAL_LEDGER, FEC
    }

    /** Enough to show a file's problems without drowning the page. */
    static final int PROBLEMS_MAX = 200;

    private static final Pattern HEADER = Pattern.compile("(?i)^\\s*Grand\\s+livre\\s+du\\s+(\\d{1,2}/\\d{1,2}/\\d{4})\\s+au\\s+(\\d{1,2}/\\d{1,2}/\\d{4}).*");

    public JournalFile {
        flows = List.copyOf(flows);
    }

    /** Reads a file's bytes; throws {@link JournalFileException} naming every line that does not fit. */
    public static JournalFile read(byte[] bytes) {
        SpreadsheetText text = SpreadsheetText.decode(bytes);
        String firstLine = firstLine(text.text());
        if (firstLine.isBlank()) {
            throw new JournalFileException(List.of(JournalProblem.at(1, "openflyers.journal.file.empty")));
        }
        if (HEADER.matcher(firstLine.replace(";", " ").replace("\t", " ").replace("\"", "")).matches()) {
            return new GeneralLedger(text).read();
        }
        if (firstLine.indexOf('|') >= 0 || firstLine.toLowerCase().startsWith("journalcode")) {
            return new Fec(text).read();
        }
        throw new JournalFileException(List.of(JournalProblem.at(1, "openflyers.journal.file.unknown", cut(firstLine))));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Tab when the first lines have tabs and no {@code ;}, else {@code ;}. */
    static char separator(String text, char otherwise) {
        String head = text.substring(0, Math.min(text.length(), 4000));
        long semicolons = head.chars().filter(c -> c == ';').count();
        long tabs = head.chars().filter(c -> c == '\t').count();
        long pipes = head.chars().filter(c -> c == '|').count();
        if (otherwise == '|' && pipes >= Math.max(semicolons, tabs)) {
            return '|';
        }
        return tabs > semicolons ? '\t' : ';';
    }

    static LocalDate date(String s, Pattern pattern) {
        Matcher m = pattern.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return pattern == DMY ? LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))
                    : LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static final Pattern DMY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    static final Pattern YMD = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /** What both layouts share: the records with their line numbers, the problems, the flows by number. */
    private abstract static class Reader {
        final SpreadsheetText text;
        final List<JournalProblem> problems = new ArrayList<>();
        final Map<String, JournalFlow> flows = new LinkedHashMap<>();

        Reader(SpreadsheetText text) {
            this.text = text;
        }

        void problem(int line, String key, Object... args) {
            if (problems.size() < PROBLEMS_MAX) {
                problems.add(JournalProblem.at(line, key, args));
            }
        }

        /** Each record of the file with the line it starts on (empty lines included, so that numbers stay right). */
        void records(char separator) {
            CSVFormat format = CSVFormat.Builder.create().setDelimiter(separator).setQuote('"').setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true).get();
            try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), format)) {
                long lastEnd = 0;
                var it = parser.iterator();
                while (true) {
                    CSVRecord r;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        r = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        // an unclosed quote: commons-csv cannot go on
                        problem((int) lastEnd + 1, "openflyers.journal.quote");
                        return;
                    }
                    int line = (int) lastEnd + 1;
                    lastEnd = parser.getCurrentLineNumber();
                    List<String> values = new ArrayList<>(r.size());
                    r.forEach(v -> values.add(v.strip()));
                    record(line, values);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            end();
        }

        abstract void record(int line, List<String> values);

        void end() {
        }

        static String at(List<String> values, int i) {
            return i < values.size() ? values.get(i) : "";
        }

        Optional<Long> amount(int line, String s, String column) {
            if (s.isEmpty()) {
                return Optional.of(0L);
            }
            Optional<Long> cents = Money.parse(s);
            if (cents.isEmpty() || Math.abs(cents.get()) > Limits.AMOUNT_MAX_CENTS) {
                problem(line, "openflyers.journal.amount", column, s);
                return Optional.empty();
            }
            return cents;
        }

        /** Keeps a flow, or checks it against its other appearance. */
        void flow(JournalFlow flow) {
            JournalFlow seen = flows.putIfAbsent(flow.number(), flow);
            if (seen != null && !seen.sameAs(flow)) {
                problem(flow.line(), "openflyers.journal.flow.disagrees", flow.number(), seen.line());
            }
        }

        JournalFile result(Layout layout, LocalDate from, LocalDate to) {
            if (!problems.isEmpty()) {
                throw new JournalFileException(problems);
            }
            return new JournalFile(layout, text.encoding(), from, to, new ArrayList<>(flows.values()));
        }

        static String label(String s) {
            return s.length() > Limits.LABEL_MAX ? s.substring(0, Limits.LABEL_MAX) : s;
        }

        static String id(String s) {
            return s.length() > AccountMappings.ID_MAX ? null : s;
        }
    }

    /**
     * The « Grand livre »: header, then per account {@code Nom de compte;…}, {@code Compte d'export;…},
     * {@code Numéro de compte OF;…}, a title row (« Mouvements »), movements on two lines, totals.
     */
    private static final class GeneralLedger extends Reader {
        LocalDate from;
        LocalDate to;
        String blockName;
        String blockId;
        int blockLine;
        /** A movement's first line waiting for its counterpart line. */
        Pending pending;

        record Pending(int line, String number, LocalDate date, String label, long signedCents) {
        }

        GeneralLedger(SpreadsheetText text) {
            super(text);
        }

        JournalFile read() {
            records(separator(text.text(), ';'));
            return result(Layout.GENERAL_LEDGER, from, to);
        }

        @Override
        void record(int line, List<String> v) {
            String first = at(v, 0);
            String joined = String.join(" ", v.stream().filter(x -> !x.isEmpty()).toList());
            if (pending != null) {
                counterpart(line, v);
                return;
            }
            if (line == 1) {
                Matcher m = HEADER.matcher(joined);
                m.matches();
                from = date(m.group(1), DMY);
                to = date(m.group(2), DMY);
                if (from == null || to == null || to.isBefore(from)) {
                    problem(line, "openflyers.journal.header.period", joined);
                }
                return;
            }
            if (joined.isEmpty()) {
                return;
            }
            String lower = first.toLowerCase();
            if (lower.startsWith("nom de compte")) {
                blockName = at(v, 1);
                blockId = null;
                blockLine = line;
                return;
            }
            if (lower.startsWith("numéro de compte of") || lower.startsWith("numero de compte of")) {
                blockId = at(v, 1);
                if (blockName == null) {
                    problem(line, "openflyers.journal.block.noName");
                } else if (blockId.isEmpty() || id(blockId) == null) {
                    problem(line, "openflyers.journal.block.id", blockId);
                    blockId = null;
                }
                return;
            }
            if (lower.startsWith("compte d") || lower.startsWith("edit") || lower.startsWith("édit") || ignorable(v)) {
                return;
            }
            if (first.isEmpty() && at(v, 1).isEmpty() && !at(v, 5).isEmpty()) {
                movement(line, v);
                return;
            }
            problem(line, "openflyers.journal.line.unknown", cut(joined));
        }

        /** Title rows and totals: « Mouvements », « Total », « Solde au », « Cumul des mouvements », « Report ». */
        private static boolean ignorable(List<String> v) {
            for (String s : v) {
                String l = s.toLowerCase();
                if (l.equals("mouvements") || l.startsWith("total") || l.startsWith("solde") || l.startsWith("cumul")
                        || l.startsWith("report")) {
                    return true;
                }
            }
            return false;
        }

        private void movement(int line, List<String> v) {
            if (blockId == null) {
                problem(line, "openflyers.journal.movement.noBlock");
                pending = new Pending(line, null, null, null, 0);
                return;
            }
            String number = at(v, 5);
            LocalDate date = date(at(v, 6), DMY);
            if (date == null) {
                problem(line, "openflyers.journal.date", at(v, 6));
            }
            if (number.length() > org.envol.ledger.Source.REFERENCE_MAX) {
                problem(line, "openflyers.journal.number", cut(number));
            }
            String label = at(v, 7).isEmpty() ? at(v, 3) : at(v, 7);
            Optional<Long> debit = amount(line, at(v, 8), "débit");
            Optional<Long> credit = amount(line, at(v, 9), "crédit");
            long signed = debit.isPresent() && credit.isPresent() ? debit.get() - credit.get() : 0;
            pending = new Pending(line, date == null || debit.isEmpty() || credit.isEmpty() ? null : number, date, label, signed);
        }

        private void counterpart(int line, List<String> v) {
            Pending p = pending;
            pending = null;
            String name = at(v, 0);
            String id = at(v, 1);
            if (name.isEmpty() || id.isEmpty() || at(v, 4).isEmpty() || id(id) == null) {
                problem(line, "openflyers.journal.counterpart", p.line());
                return;
            }
            if (p.number() == null || p.signedCents() == 0) {
                // already reported, or a movement at zero: nothing to book
                return;
            }
            JournalFlow.Side block = new JournalFlow.Side(blockId, blockName);
            JournalFlow.Side other = new JournalFlow.Side(id, name);
            flow(p.signedCents() > 0
                    ? new JournalFlow(p.number(), p.date(), label(p.label()), p.signedCents(), block, other, p.line())
                    : new JournalFlow(p.number(), p.date(), label(p.label()), -p.signedCents(), other, block, p.line()));
        }

        @Override
        void end() {
            if (pending != null) {
                problem(pending.line(), "openflyers.journal.counterpart", pending.line());
            }
        }
    }

    /**
     * OpenFlyers' FEC export: 18 columns in the law's order, with or without the header line;
     * the lines of one EcritureNum make a flow, which must have one debited and one credited account.
     */
    private static final class Fec extends Reader {
        record FecLine(int line, LocalDate date, String label, JournalFlow.Side account, long signedCents) {
        }

        final Map<String, List<FecLine>> byNumber = new LinkedHashMap<>();

        Fec(SpreadsheetText text) {
            super(text);
        }

        JournalFile read() {
            records(separator(text.text(), '|'));
            for (Map.Entry<String, List<FecLine>> e : byNumber.entrySet()) {
                List<FecLine> lines = e.getValue().stream().filter(l -> l.signedCents() != 0).toList();
                if (lines.isEmpty()) {
                    continue;
                }
                FecLine first = lines.get(0);
                if (lines.size() != 2 || lines.get(0).signedCents() != -lines.get(1).signedCents()) {
                    problem(first.line(), "openflyers.journal.fec.twoLines", e.getKey(), lines.size());
                    continue;
                }
                FecLine debit = first.signedCents() > 0 ? first : lines.get(1);
                FecLine credit = debit == first ? lines.get(1) : first;
                flow(new JournalFlow(e.getKey(), first.date(), label(first.label()), debit.signedCents(), debit.account(),
                        credit.account(), first.line()));
            }
            LocalDate from = flows.values().stream().map(JournalFlow::date).min(LocalDate::compareTo).orElse(null);
            LocalDate to = flows.values().stream().map(JournalFlow::date).max(LocalDate::compareTo).orElse(null);
            return result(Layout.FEC, from, to);
        }

        @Override
        void record(int line, List<String> v) {
            if (String.join("", v).isEmpty() || (line == 1 && at(v, 0).equalsIgnoreCase("JournalCode"))) {
                return;
            }
            if (v.size() < 13) {
                problem(line, "openflyers.journal.fec.columns", v.size());
                return;
            }
            String number = at(v, 2);
            LocalDate date = date(at(v, 3), YMD);
            if (number.isEmpty() || number.length() > org.envol.ledger.Source.REFERENCE_MAX) {
                problem(line, "openflyers.journal.number", cut(number));
                return;
            }
            if (date == null) {
                problem(line, "openflyers.journal.date", at(v, 3));
                return;
            }
            // the FEC has no OpenFlyers id: the export account stands for it (411claratte rather than 411)
            String general = at(v, 4);
            String generalLabel = at(v, 5);
            String aux = at(v, 6);
            String id = !aux.isEmpty() ? aux
                    : general.length() <= 3 && generalLabel.startsWith(general) && !generalLabel.contains(" ") ? generalLabel : general;
            String name = !aux.isEmpty() && !at(v, 7).isEmpty() ? at(v, 7) : generalLabel.isEmpty() ? id : generalLabel;
            if (id.isEmpty() || id(id) == null) {
                problem(line, "openflyers.journal.block.id", id);
                return;
            }
            Optional<Long> debit = amount(line, at(v, 11), "Debit");
            Optional<Long> credit = amount(line, at(v, 12), "Credit");
            if (debit.isEmpty() || credit.isEmpty()) {
                return;
            }
            List<FecLine> lines = byNumber.computeIfAbsent(number, n -> new ArrayList<>(2));
            if (!lines.isEmpty() && !lines.get(0).date().equals(date)) {
                problem(line, "openflyers.journal.flow.disagrees", number, lines.get(0).line());
                return;
            }
            lines.add(new FecLine(line, date, at(v, 10), new JournalFlow.Side(id, name), debit.get() - credit.get()));
        }
    }
}
