package org.envol.interchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.ChartCode;
import org.envol.ledger.ChartService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Journal;
import org.envol.ledger.JournalService;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Limits;
import org.envol.ledger.Messages;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Rejection;
import org.envol.ledger.SectionService;
import org.envol.ledger.Source;
import org.envol.ledger.SyncItem;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.SyncReport;
import org.envol.ledger.SyncRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a FEC into a section, to migrate from other software (docs/fec.md): read ({@link FecReader})
 * → map journals, accounts and fiscal years → {@link LedgerService#sync} with source kind
 * {@code fec}, all in one transaction. All or nothing: any problem and nothing is written, every
 * problem named by its line. Accounts and journals the books lack are created only with the
 * user's consent. Each entry's source reference is {@code <fiscal year start>/<JournalCode>-<EcritureNum>},
 * so importing the same file again changes nothing. Entries are imported posted: the treasurer
 * validates them. Treasurers of the section and admins only.
 */
@Service
public class FecImport {

    public static final String SOURCE_KIND = "fec";
    private static final DateTimeFormatter AAAAMMJJ = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String JOURNAL_CODE = "[A-Z0-9]{1," + Limits.JOURNAL_CODE_MAX + "}";

    /** What the user allows: creating what the books lack, mapping FEC journal codes to Envol's, or only trying. */
    public record Options(boolean createAccounts, boolean createJournals, Map<String, String> journalMap, boolean dryRun) {

        public Options {
            journalMap = journalMap == null ? Map.of() : Map.copyOf(journalMap);
        }

        public static Options of(boolean createAccounts, boolean dryRun) {
            return new Options(createAccounts, createAccounts, Map.of(), dryRun);
        }
    }

    /** An account the file needs and the section lacks: chart code, label, and the FEC number it stands for. */
    public record NewAccount(String code, String label, String fecNumber, int firstLine) {
    }

    /** A journal the file needs and Envol lacks: the file's code, the code it gets, its label. */
    public record NewJournal(String fecCode, String code, String label) {
    }

    /**
     * What an import did, or would do (dry run): the file's figures, what is (to be) created, the
     * outcome per entry (CREATED, UNCHANGED, CHANGED…), and the problems (the first
     * {@value FecProblems#KEPT_MAX}; {@code errors} and {@code warnings} count them all).
     */
    public record Report(boolean dryRun, boolean applied, String charset, int lines, int entryLines, int entries,
            List<NewJournal> journalsToCreate, List<NewAccount> accountsToCreate, Map<SyncOutcome, Long> outcomes,
            List<FecProblem> problems, int errors, int warnings) {

        public Report {
            journalsToCreate = List.copyOf(journalsToCreate);
            accountsToCreate = List.copyOf(accountsToCreate);
            outcomes = Map.copyOf(outcomes);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return errors == 0;
        }

        public long count(SyncOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

    private final LedgerAccess access;
    private final SectionService sections;
    private final AccountService accounts;
    private final ChartService chart;
    private final JournalService journals;
    private final FiscalYearService years;
    private final LedgerService ledger;
    private final TransactionTemplate transaction;
    private final Messages messages;

    FecImport(LedgerAccess access, SectionService sections, AccountService accounts, ChartService chart, JournalService journals,
            FiscalYearService years, LedgerService ledger, PlatformTransactionManager transactions, Messages messages) {
        this.access = access;
        this.sections = sections;
        this.accounts = accounts;
        this.chart = chart;
        this.journals = journals;
        this.years = years;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
        this.messages = messages;
    }

    /** Refuses (AccessDeniedException) whoever may not import into the section: treasurers of it and admins may. */
    public void requireImport(long sectionId) {
        access.requireWrite(sectionId);
    }

    public boolean mayImport(long sectionId) {
        try {
            requireImport(sectionId);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /** Reads the file only (no section, nothing written): its figures and the problems of the file itself. */
    public Report read(Path file) {
        FecBook book = book(file, FecReader.LINES_MAX);
        return report(book, true, false, List.of(), List.of(), Map.of());
    }

    public Report importFile(long sectionId, Path file, Options options) {
        return importFile(sectionId, file, options, FecReader.LINES_MAX);
    }

    Report importFile(long sectionId, Path file, Options options, int linesMax) {
        requireImport(sectionId);
        sections.get(sectionId);
        FecBook book = book(file, linesMax);
        if (book.problems.hasErrors()) {
            return report(book, options.dryRun(), false, List.of(), List.of(), Map.of());
        }
        Mapping mapping = new Mapping(sectionId, book, options);
        if (book.problems.hasErrors()) {
            return report(book, options.dryRun(), false, mapping.newJournals, mapping.newAccounts(), Map.of());
        }
        boolean consented = mapping.checkConsent();
        if (!consented && !options.dryRun()) {
            return report(book, false, false, mapping.newJournals, mapping.newAccounts(), Map.of());
        }
        Map<SyncOutcome, Long> outcomes;
        try {
            SyncReport sync = transaction.execute(status -> {
                SyncReport r = ledger.sync(mapping.request());
                if (options.dryRun()) {
                    status.setRollbackOnly();
                }
                return r;
            });
            outcomes = mapping.outcomes(sync);
        } catch (RejectedException e) {
            mapping.rejected(e.rejections());
            outcomes = Map.of();
        }
        mapping.warnCuts();
        boolean applied = !options.dryRun() && !book.problems.hasErrors();
        return report(book, options.dryRun(), applied, mapping.newJournals, mapping.newAccounts(), outcomes);
    }

    private static FecBook book(Path file, int linesMax) {
        try {
            return new FecReader(linesMax).read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Report report(FecBook book, boolean dryRun, boolean applied, List<NewJournal> newJournals,
            List<NewAccount> newAccounts, Map<SyncOutcome, Long> outcomes) {
        return new Report(dryRun, applied, book.charset, book.lines, book.entryLines, book.entries.size(), newJournals,
                newAccounts, outcomes, book.problems.kept(), book.problems.errors(), book.problems.warnings());
    }

    /** The file mapped onto the section: journal codes, account ids (or accounts to create), fiscal years, references. */
    private final class Mapping {
        final long sectionId;
        final FecBook book;
        final Options options;
        final Map<String, String> journalCodes = new HashMap<>();
        final List<NewJournal> newJournals = new ArrayList<>();
        /** Envol account per FEC account: an id, or the key of an account to create. */
        final long[] accountIds;
        final String[] accountKeys;
        final Map<String, NewAccount> toCreate = new LinkedHashMap<>();
        final Map<String, Integer> firstLineOf = new HashMap<>();
        final String[] references;
        int cut;
        int firstCut;

        Mapping(long sectionId, FecBook book, Options options) {
            this.sectionId = sectionId;
            this.book = book;
            this.options = options;
            this.accountIds = new long[book.accounts.size()];
            this.accountKeys = new String[book.accounts.size()];
            this.references = new String[book.entries.size()];
            journals();
            accounts();
            years();
        }

        /** Texts longer than the books take were cut: said once, with the first line where it happened. */
        void warnCuts() {
            if (cut > 0) {
                book.problems.warning(firstCut, null, "labels.cut", cut);
            }
        }

        void journals() {
            Map<String, Journal> byCode = new HashMap<>();
            journals.list().forEach(j -> byCode.put(j.code(), j));
            Map<String, Integer> firstLine = new HashMap<>();
            for (FecBook.FecEntry e : book.entries) {
                firstLine.putIfAbsent(e.journalCode, e.firstLine);
            }
            book.journals.forEach((fecCode, lib) -> {
                int line = firstLine.getOrDefault(fecCode, 1);
                String mapped = options.journalMap().get(fecCode);
                Journal journal = byCode.get((mapped == null ? fecCode : mapped).toUpperCase(java.util.Locale.ROOT));
                if (mapped != null && journal == null) {
                    book.problems.error(line, "JournalCode", "journal.map.unknown", fecCode, mapped);
                } else if (journal != null && !journal.active()) {
                    book.problems.error(line, "JournalCode", "journal.inactive", fecCode, journal.code());
                } else if (journal != null) {
                    journalCodes.put(fecCode, journal.code());
                } else if (fecCode.toUpperCase(java.util.Locale.ROOT).matches(JOURNAL_CODE)) {
                    String code = fecCode.toUpperCase(java.util.Locale.ROOT);
                    journalCodes.put(fecCode, code);
                    newJournals.add(new NewJournal(fecCode, code, lib.isBlank() ? code : lib));
                } else {
                    book.problems.error(line, "JournalCode", "journal.invalid", fecCode, Limits.JOURNAL_CODE_MAX);
                }
            });
        }

        void accounts() {
            Map<String, String> chartLabels = new HashMap<>();
            chart.list().forEach((ChartCode c) -> chartLabels.put(c.code(), c.label()));
            Map<String, Account> existing = new HashMap<>();
            accounts.list(sectionId).forEach(a -> existing.put(key(a.code(), a.label()), a));
            for (int i = 0; i < book.accounts.size(); i++) {
                FecBook.FecAccount a = book.accounts.get(i);
                String code = chartCode(a.number(), chartLabels);
                if (code == null) {
                    book.problems.error(a.firstLine(), "CompteNum", "account.chart", a.number());
                    continue;
                }
                String label = a.subsidiary() ? (a.auxLabel().isEmpty() ? a.auxNumber() : a.auxLabel())
                        : a.label().isEmpty() ? chartLabels.get(code) : a.label();
                label = cut(label, Limits.ACCOUNT_LABEL_MAX, a.firstLine());
                String key = key(code, label);
                Account account = existing.get(key);
                if (account != null && !account.active()) {
                    book.problems.error(a.firstLine(), "CompteNum", "account.closed", a.number(), account.display());
                } else if (account != null) {
                    accountIds[i] = account.id();
                } else {
                    accountKeys[i] = key;
                    toCreate.putIfAbsent(key, new NewAccount(code, label, a.subsidiary() ? a.number() + " " + a.auxNumber()
                            : a.number(), a.firstLine()));
                }
            }
        }

        /** The longest start of the FEC number that is a code of the chart: 41100012 → 411 (if 4110 is not a code). */
        String chartCode(String number, Map<String, String> chartLabels) {
            for (int length = Math.min(number.length(), Limits.CHART_CODE_MAX); length > 0; length--) {
                String prefix = number.substring(0, length);
                if (chartLabels.containsKey(prefix)) {
                    return prefix;
                }
            }
            return null;
        }

        void years() {
            List<FiscalYear> all = years.list(sectionId);
            Map<LocalDate, FiscalYear> byDate = new HashMap<>();
            for (int i = 0; i < book.entries.size(); i++) {
                FecBook.FecEntry e = book.entries.get(i);
                FiscalYear year = byDate.computeIfAbsent(e.date, d -> all.stream().filter(y -> y.contains(d)).findFirst().orElse(null));
                if (year == null) {
                    book.problems.error(e.firstLine, "EcritureDate", "year.none", e.number, e.date);
                    continue;
                }
                if (year.closed()) {
                    book.problems.error(e.firstLine, "EcritureDate", "year.closed", e.number, e.date, year.startDate(), year.endDate());
                    continue;
                }
                String reference = year.startDate().format(AAAAMMJJ) + "/" + e.journalCode + "-" + e.number;
                if (reference.length() > Source.REFERENCE_MAX) {
                    book.problems.error(e.firstLine, "EcritureNum", "reference.long", e.number, Source.REFERENCE_MAX);
                    continue;
                }
                Integer other = firstLineOf.putIfAbsent(reference, e.firstLine);
                if (other != null) {
                    book.problems.error(e.firstLine, "EcritureNum", "reference.twice", reference, other);
                    continue;
                }
                references[i] = reference;
            }
        }

        List<NewAccount> newAccounts() {
            return List.copyOf(toCreate.values());
        }

        /** Names what is missing without the user's consent, as errors; whether nothing is. */
        boolean checkConsent() {
            boolean ok = true;
            if (!newJournals.isEmpty() && !options.createJournals()) {
                book.problems.error(1, null, "journals.consent", newJournals.size(),
                        String.join(", ", newJournals.stream().map(NewJournal::fecCode).toList()));
                ok = false;
            }
            if (!toCreate.isEmpty() && !options.createAccounts()) {
                book.problems.error(1, null, "accounts.consent", toCreate.size(), String.join(", ",
                        toCreate.values().stream().limit(20).map(a -> a.fecNumber() + " → " + a.code() + " " + a.label()).toList())
                        + (toCreate.size() > 20 ? "…" : ""));
                ok = false;
            }
            return ok;
        }

        /** Inside the transaction: creates the journals and accounts, builds the drafts, asks the ledger to sync them. */
        SyncRequest request() {
            newJournals.forEach(j -> journals.add(j.code(), j.label()));
            Map<String, Long> created = new HashMap<>();
            toCreate.forEach((key, a) -> created.put(key, accounts.create(sectionId, a.code(), a.label()).id()));
            Map<String, EntryDraft> drafts = new LinkedHashMap<>();
            LocalDate from = null;
            LocalDate to = null;
            for (int i = 0; i < book.entries.size(); i++) {
                FecBook.FecEntry e = book.entries.get(i);
                String label = cut(e.label, Limits.LABEL_MAX, e.firstLine);
                List<LineDraft> lines = new ArrayList<>(e.lines.size());
                for (FecBook.FecLine l : e.lines) {
                    long id = accountKeys[l.account()] == null ? accountIds[l.account()] : created.get(accountKeys[l.account()]);
                    String lineLabel = l.label().isEmpty() || l.label().equals(e.label) ? null : cut(l.label(), Limits.LABEL_MAX, l.lineNo());
                    lines.add(new LineDraft(id, l.amountCents(), lineLabel, null));
                }
                String voucher = e.pieceRef.isEmpty() ? null : cut(e.pieceRef, Limits.VOUCHER_MAX, e.firstLine);
                drafts.put(references[i], new EntryDraft(sectionId, journalCodes.get(e.journalCode), e.date, label, voucher, null, lines));
                from = from == null || e.date.isBefore(from) ? e.date : from;
                to = to == null || e.date.isAfter(to) ? e.date : to;
            }
            return new SyncRequest(sectionId, SOURCE_KIND, from, to, drafts, drafts.keySet(), options.dryRun());
        }

        /** Outcomes of this file's references only (other FEC entries of the period are left alone). */
        Map<SyncOutcome, Long> outcomes(SyncReport sync) {
            Map<SyncOutcome, Long> counts = new EnumMap<>(SyncOutcome.class);
            for (SyncItem item : sync.items()) {
                if (firstLineOf.containsKey(item.reference())) {
                    counts.merge(item.outcome(), 1L, Long::sum);
                }
            }
            rejected(sync.rejections());
            return counts;
        }

        /** The ledger's rejections, named by the line where their entry starts. */
        void rejected(List<Rejection> rejections) {
            Set<String> seen = new HashSet<>();
            for (Rejection r : rejections) {
                Integer line = r.reference() == null ? Integer.valueOf(1) : firstLineOf.get(r.reference());
                if (line == null || !seen.add(r.reference() + "|" + r.code() + "|" + r.lineNo())) {
                    continue; // another FEC import's entry in the same period: not this file's concern
                }
                String text = messages.rejection(new Rejection(r.code(), r.args(), r.lineNo(), null));
                book.problems.error(line, null, "ledger", text);
            }
        }

        String cut(String text, int max, int line) {
            if (text.length() <= max) {
                return text;
            }
            if (cut++ == 0) {
                firstCut = line;
            }
            return text.substring(0, max);
        }
    }

    private static String key(String code, String label) {
        return code + '\u0001' + label.strip();
    }
}
