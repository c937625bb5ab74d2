package org.envol.interchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.ChartCode;
import org.envol.ledger.ChartService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Journal;
import org.envol.ledger.JournalService;
import org.envol.ledger.Line;
import org.envol.ledger.Money;
import org.envol.ledger.SectionService;
import org.springframework.stereotype.Service;

/**
 * The FEC (fichier des écritures comptables, art. A47 A-1 LPF) of one section's fiscal year, as
 * docs/fec.md describes: validated entries only, opening entries (AN) first then in validation
 * order, TAB-separated UTF-8 without BOM, CRLF line ends. Entries are read a page at a time.
 */
@Service
public class FecExport {

    static final String SEPARATOR = "\t";
    static final String EOL = "\r\n";
    static final int PAGE = 500;
    /** Member (411) and supplier (401) accounts: one account each, shown as a subsidiary account. */
    private static final List<String> SUBSIDIARY = List.of("411", "401");
    private static final DateTimeFormatter AAAAMMJJ = DateTimeFormatter.BASIC_ISO_DATE;
    /** Validation instants become dates in the club's time zone (France). */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final ClubSettings settings;
    private final FiscalYearService years;
    private final SectionService sections;
    private final AccountService accounts;
    private final ChartService chart;
    private final JournalService journals;
    private final EntrySearch search;
    private final FecCheck check;
    private final org.springframework.context.MessageSource messageSource;

    FecExport(ClubSettings settings, FiscalYearService years, SectionService sections, AccountService accounts,
            ChartService chart, JournalService journals, EntrySearch search, FecCheck check,
            org.springframework.context.MessageSource messageSource) {
        this.messageSource = messageSource;
        this.settings = settings;
        this.years = years;
        this.sections = sections;
        this.accounts = accounts;
        this.chart = chart;
        this.journals = journals;
        this.search = search;
        this.check = check;
    }

    /** A checked FEC in a temporary file; the caller moves or copies it, then deletes it. */
    public record FecFile(String name, Path path, long lines) {

        public long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The fiscal year's FEC, written to a temporary file and checked by {@link FecCheck}: refused
     * when the SIREN is missing, when the year has unvalidated entries, or when the check fails.
     */
    public FecFile export(long fiscalYearId) {
        FiscalYear year = years.find(fiscalYearId).orElseThrow(() -> new InterchangeException("interchange.year.unknown", fiscalYearId));
        String name = fileName(year);
        try {
            Path tmp = Files.createTempFile("envol-fec-", ".txt");
            try {
                long lines;
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    lines = write(year, out);
                }
                List<FecProblem> problems = check.check(tmp);
                if (FecCheck.hasErrors(problems)) {
                    throw new InterchangeException(problems, "interchange.fec.check.failed", problems.size());
                }
                return new FecFile(name, tmp, lines);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The description that must accompany the FEC (art. A47 A-1, XI): the file's name, the
     * section and its SIREN, the fiscal year, the character set, separator and formats, what each
     * column holds as Envol fills it, and the journals. In French, the administration's language.
     */
    public String description(long fiscalYearId) {
        FiscalYear year = years.find(fiscalYearId).orElseThrow(() -> new InterchangeException("interchange.year.unknown", fiscalYearId));
        org.envol.ledger.Section section = sections.get(year.sectionId());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/uuuu");
        StringBuilder journalLines = new StringBuilder();
        journals.list().forEach(j -> journalLines.append("  ").append(j.code()).append(" : ").append(j.label()).append('\n'));
        String text = messageSource.getMessage("fec.description.text", new Object[] {fileName(year), section.name(), section.code(),
            settings.siren().orElseThrow(), year.startDate().format(day), year.endDate().format(day), journalLines.toString()},
                java.util.Locale.FRENCH);
        return text.replace("\n", EOL);
    }

    /** {@code <SIREN>FEC<closing date>_description.txt}. */
    public String descriptionName(FiscalYear year) {
        return fileName(year).replace(".txt", "_description.txt");
    }

    /** {@code <SIREN>FEC<closing date>.txt}; refused when the SIREN is not set. */
    public String fileName(FiscalYear year) {
        String siren = settings.siren().orElseThrow(() -> new InterchangeException("interchange.siren.missing"));
        return siren + "FEC" + year.endDate().format(AAAAMMJJ) + ".txt";
    }

    /** Writes the FEC (header included) in UTF-8 without BOM; returns the number of lines, header included. */
    public long write(FiscalYear year, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long lines = write(year, w);
        w.flush();
        return lines;
    }

    public long write(FiscalYear year, Writer out) throws IOException {
        long sectionId = year.sectionId();
        sections.get(sectionId);
        long unvalidated = search.countUnvalidated(sectionId, year.id());
        if (unvalidated > 0) {
            throw new InterchangeException("interchange.fec.unvalidated", unvalidated);
        }
        Map<Long, Account> accountsById = accounts.list(sectionId).stream().collect(Collectors.toMap(Account::id, Function.identity()));
        Map<String, String> chartLabels = new HashMap<>();
        chart.list().forEach((ChartCode c) -> chartLabels.put(c.code(), c.label()));
        Map<String, String> journalLabels = journals.list().stream().collect(Collectors.toMap(Journal::code, Journal::label));
        out.write(String.join(SEPARATOR, FecCheck.COLUMNS) + EOL);
        long lines = 1;
        // the opening entries first, then every other journal, each in validation order
        for (boolean opening : new boolean[] {true, false}) {
            long after = 0;
            List<Entry> page;
            do {
                page = search.frozenInChainOrder(sectionId, year.id(), FecCheck.OPENING_JOURNAL, opening, after, PAGE);
                for (Entry e : page) {
                    for (Line l : e.lines()) {
                        out.write(line(e, l, accountsById.get(l.accountId()), chartLabels, journalLabels));
                        lines++;
                    }
                    after = e.chainSeq();
                }
            } while (page.size() == PAGE);
        }
        out.flush();
        return lines;
    }

    private static String line(Entry e, Line l, Account account, Map<String, String> chartLabels, Map<String, String> journalLabels) {
        boolean subsidiary = SUBSIDIARY.stream().anyMatch(account.code()::startsWith);
        String compteLib = subsidiary ? chartLabels.getOrDefault(account.code(), account.label()) : account.label();
        String piece = e.voucherRef() == null || e.voucherRef().isBlank() ? e.displayNumber() : e.voucherRef();
        String label = l.label() == null || l.label().isBlank() ? e.label() : l.label();
        String[] f = {
            e.journalCode(),
            journalLabels.getOrDefault(e.journalCode(), e.journalCode()),
            e.displayNumber(),
            date(e.date()),
            compteNum(account),
            compteLib,
            subsidiary ? subsidiaryNumber(account) : "",
            subsidiary ? account.label() : "",
            piece,
            date(e.date()),
            label,
            Money.plain(Math.max(l.amountCents(), 0)),
            Money.plain(Math.max(-l.amountCents(), 0)),
            "",
            "",
            date(e.frozenAt()),
            "",
            ""};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.length; i++) {
            if (i > 0) {
                b.append(SEPARATOR);
            }
            b.append(clean(f[i]));
        }
        return b.append(EOL).toString();
    }

    /**
     * The account number as the FEC wants it: at least three digits (the PCG's accounts), so a
     * class-level code such as 74 is written 740, as accountants do.
     */
    static String compteNum(Account account) {
        String code = account.code();
        return code.length() >= 3 ? code : code + "0".repeat(3 - code.length());
    }

    /** The subsidiary account number: the account's id, padded, after its chart code. */
    static String subsidiaryNumber(Account account) {
        String id = Long.toString(account.id());
        return account.code() + "0".repeat(Math.max(0, 8 - id.length())) + id;
    }

    /** Labels lose what would break the file: TAB, CR, LF and the other legal separator, |. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || c == '|') {
                return SEPARATORS.matcher(text).replaceAll(" ").strip();
            }
        }
        return text.strip();
    }

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[ ]*[\\t\\r\\n|][\\t\\r\\n| ]*");

    private static String date(LocalDate d) {
        return d.format(AAAAMMJJ);
    }

    private static String date(Instant i) {
        return i.atZone(ZONE).toLocalDate().format(AAAAMMJJ);
    }
}
