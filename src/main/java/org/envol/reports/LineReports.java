package org.envol.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceCriteria;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntryPage;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.EntryStatus;
import org.envol.ledger.JournalService;
import org.envol.ledger.Limits;
import org.envol.ledger.Line;
import org.envol.ledger.Messages;
import org.envol.ledger.Movement;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.ledger.Statement;
import org.envol.ledger.TrialBalance;
import org.envol.reports.Report.Cell;
import org.envol.reports.Report.Column;
import org.envol.reports.Report.Kind;
import org.envol.reports.Report.Row;
import org.envol.reports.Report.Style;
import org.envol.reports.ReportPeriods.Period;
import org.springframework.stereotype.Component;

/**
 * The reports made of lines: the journals (every entry with its lines), the general ledger
 * (every account's lines with the running balance) and an account's statement. On screen they
 * come a page at a time; exported, they are read from the books page by page while the file is
 * written ({@link LazyRows}). Drafts are not in the books, so not in these reports.
 */
@Component
class LineReports {

    static final int DAY = 10;
    static final int JOURNAL = 6;
    static final int NUMBER = 8;
    static final int VOUCHER = 12;
    /** Lines of an account read at once on screen; the general ledger page gathers a few of these. */
    static final int SCREEN_STATEMENT_PAGE = 100;
    /** Accounts on one screen page of the general ledger, at most (each costs a few queries). */
    static final int SCREEN_ACCOUNTS = 25;

    /**
     * A page of a journal on screen — a month of the period, a page of it — or the whole journal
     * exported ({@code month} null).
     */
    record JournalPage(ReportExports.Export export, YearMonth month, List<YearMonth> months, int page, int pages, long total) {
    }

    /**
     * A page of the general ledger on screen: the accounts it can jump to, and where the next
     * page starts (null: this is the last).
     */
    record LedgerPage(ReportExports.Export export, List<Account> accounts, Long nextAccount, int nextPage) {
    }

    private final EntrySearch search;
    private final AccountService accounts;
    private final BalanceService balances;
    private final JournalService journals;
    private final SectionService sections;
    private final ReportTexts texts;
    private final Messages messages;

    LineReports(EntrySearch search, AccountService accounts, BalanceService balances, JournalService journals,
            SectionService sections, ReportTexts texts, Messages messages) {
        this.search = search;
        this.accounts = accounts;
        this.balances = balances;
        this.journals = journals;
        this.sections = sections;
        this.texts = texts;
        this.messages = messages;
    }

    // ---- journals

    /**
     * The general journal (all journals) or one journal of a section for a period: each entry,
     * then its lines. With a {@code month}, one screen page of that month of the period (with the
     * page's totals): a page is found within a month, so that neither its count nor its offset
     * runs over a whole year of entries. Without, the whole period, read month by month and page
     * by page, with the totals at the end.
     */
    JournalPage journal(ReportScope scope, Period period, String journalCode, YearMonth month, int page) {
        Section section = scope.section();
        String code = journalCode == null || journalCode.isBlank() ? null : journalCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (code != null && journals.findByCode(code).isEmpty()) {
            throw new ReportException("reports.journal.unknown", code);
        }
        Map<Long, Account> byId = accountsById(section.id());
        List<Column> columns = List.of(
                new Column(messages.get("reports.column.date"), Kind.DATE, DAY),
                new Column(messages.get("reports.column.journal"), Kind.TEXT, JOURNAL),
                new Column(messages.get("reports.column.number"), Kind.TEXT, NUMBER),
                new Column(messages.get("reports.column.code"), Kind.TEXT, BalanceReports.CODE),
                new Column(messages.get("reports.column.label"), Kind.TEXT, BalanceReports.LABEL),
                new Column(messages.get("reports.column.voucher"), Kind.TEXT, VOUCHER),
                new Column(messages.get("reports.column.debit"), Kind.AMOUNT, BalanceReports.AMOUNT),
                new Column(messages.get("reports.column.credit"), Kind.AMOUNT, BalanceReports.AMOUNT));
        List<String> subtitles = new ArrayList<>(texts.scopeAndPeriod(scope, period.from(), period.to()));
        String title;
        if (code == null) {
            title = messages.get("reports.journal.general.title");
        } else {
            title = messages.get("reports.journal.one.title", code, journals.findByCode(code).orElseThrow().label());
        }
        String baseName = ReportExports.fileName(code == null ? "grand-journal" : "journal-" + code, section.code(), period.from(),
                period.to());
        if (month != null) {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
                months.add(m);
            }
            YearMonth shown = months.contains(month) ? month : months.get(0);
            LocalDate from = shown.atDay(1).isBefore(period.from()) ? period.from() : shown.atDay(1);
            LocalDate to = shown.atEndOfMonth().isAfter(period.to()) ? period.to() : shown.atEndOfMonth();
            EntryPage found = search.search(filter(section.id(), from, to, code), page, ReportLimits.SCREEN_ENTRIES);
            long[] sums = new long[2];
            List<Row> rows = new ArrayList<>();
            for (Entry e : found.entries()) {
                rows.addAll(entryRows(e, byId, sums));
            }
            rows.add(totalRow(Style.SUBTOTAL, messages.get("reports.pageTotals"), sums));
            return new JournalPage(new ReportExports.Export(new Report(title, subtitles, columns, rows), baseName), shown, months,
                    found.page(), found.pages(), found.total());
        }
        Iterable<Row> rows = new LazyRows(() -> new JournalChunks(section.id(), period, code, byId));
        return new JournalPage(new ReportExports.Export(new Report(title, subtitles, columns, rows), baseName), null, List.of(), 0, 1,
                -1);
    }

    private static EntryFilter filter(long sectionId, LocalDate from, LocalDate to, String journalCode) {
        return new EntryFilter(sectionId, from, to, journalCode, null, null, null);
    }

    /** The whole journal, a month at a time (offsets stay small), a page of entries at a time, then the totals. */
    private final class JournalChunks implements LazyRows.Chunks {
        private final long sectionId;
        private final Period period;
        private final String code;
        private final Map<Long, Account> byId;
        private final long[] sums = new long[2];
        private LocalDate month;
        private int page;
        private boolean totalsGiven;

        JournalChunks(long sectionId, Period period, String code, Map<Long, Account> byId) {
            this.sectionId = sectionId;
            this.period = period;
            this.code = code;
            this.byId = byId;
            this.month = period.from().withDayOfMonth(1);
        }

        @Override
        public List<Row> next() {
            while (!month.isAfter(period.to())) {
                LocalDate from = month.isBefore(period.from()) ? period.from() : month;
                LocalDate monthEnd = month.plusMonths(1).minusDays(1);
                LocalDate to = monthEnd.isAfter(period.to()) ? period.to() : monthEnd;
                EntryPage found = search.search(filter(sectionId, from, to, code), page, Limits.PAGE_SIZE_MAX);
                if (found.page() + 1 >= found.pages()) {
                    month = month.plusMonths(1);
                    page = 0;
                } else {
                    page++;
                }
                List<Row> rows = new ArrayList<>();
                for (Entry e : found.entries()) {
                    rows.addAll(entryRows(e, byId, sums));
                }
                if (!rows.isEmpty()) {
                    return rows;
                }
            }
            if (!totalsGiven) {
                totalsGiven = true;
                return List.of(totalRow(Style.TOTAL, messages.get("reports.totals"), sums));
            }
            return List.of();
        }
    }

    /** An entry's heading row, then a row per line; its debits and credits added to {@code sums}. Drafts give nothing. */
    private List<Row> entryRows(Entry e, Map<Long, Account> byId, long[] sums) {
        if (e.status() == EntryStatus.DRAFT) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>(e.lines().size() + 1);
        rows.add(Row.of(Style.HEADING, List.of(Cell.date(e.date()), Cell.text(e.journalCode()), Cell.text(number(e)),
                Cell.blank(), Cell.text(e.label()), Cell.text(e.voucherRef()), Cell.blank(), Cell.blank()))
                .linkedTo("/entries/" + e.id(), 2));
        for (Line l : e.lines()) {
            Account a = byId.get(l.accountId());
            String label = a == null ? "#" + l.accountId() : a.label();
            if (l.label() != null && !l.label().isBlank()) {
                label = label + " · " + l.label();
            }
            long amount = l.amountCents();
            sums[0] += Math.max(0, amount);
            sums[1] += Math.max(0, -amount);
            rows.add(Row.detail(List.of(Cell.blank(), Cell.blank(), Cell.blank(), Cell.text(a == null ? "" : a.code()),
                    Cell.text(label), Cell.blank(), Cell.amountOrBlank(Math.max(0, amount)), Cell.amountOrBlank(Math.max(0, -amount)))));
        }
        return rows;
    }

    private static String number(Entry e) {
        return e.displayNumber() == null ? "#" + e.id() : e.displayNumber();
    }

    private static Row totalRow(Style style, String label, long[] sums) {
        return Row.of(style, List.of(Cell.blank(), Cell.blank(), Cell.blank(), Cell.blank(), Cell.text(label), Cell.blank(),
                Cell.amount(sums[0]), Cell.amount(sums[1])));
    }

    private Map<Long, Account> accountsById(long sectionId) {
        Map<Long, Account> byId = new HashMap<>();
        accounts.list(sectionId).forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    // ---- general ledger

    private List<Column> ledgerColumns(boolean withAccount) {
        List<Column> columns = new ArrayList<>();
        if (withAccount) {
            columns.add(new Column(messages.get("reports.column.code"), Kind.TEXT, BalanceReports.CODE));
        }
        columns.add(new Column(messages.get("reports.column.date"), Kind.DATE, DAY));
        columns.add(new Column(messages.get("reports.column.journal"), Kind.TEXT, JOURNAL));
        columns.add(new Column(messages.get("reports.column.number"), Kind.TEXT, NUMBER));
        columns.add(new Column(messages.get("reports.column.label"), Kind.TEXT, BalanceReports.LABEL));
        columns.add(new Column(messages.get("reports.column.voucher"), Kind.TEXT, VOUCHER));
        columns.add(new Column(messages.get("reports.column.debit"), Kind.AMOUNT, BalanceReports.AMOUNT));
        columns.add(new Column(messages.get("reports.column.credit"), Kind.AMOUNT, BalanceReports.AMOUNT));
        columns.add(new Column(messages.get("reports.column.running"), Kind.AMOUNT, BalanceReports.AMOUNT));
        return columns;
    }

    /**
     * The general ledger of a section for a period: each account with movements, its opening
     * balance, its lines with the running balance, its totals; the totals of all at the end.
     * With {@code screen}, one page starting at {@code startAccount} (its page {@code startPage} of
     * {@link #SCREEN_STATEMENT_PAGE} lines); else the whole ledger, read as it is written.
     */
    LedgerPage generalLedger(ReportScope scope, Period period, Long startAccount, int startPage, boolean screen) {
        Section section = scope.section();
        TrialBalance tb = balances.trialBalance(section.id(), period.from(), period.to());
        List<TrialBalance.Row> moved = tb.rows().stream().filter(r -> r.debitCents() != 0 || r.creditCents() != 0).toList();
        List<String> subtitles = texts.scopeAndPeriod(scope, period.from(), period.to());
        String title = messages.get("reports.generalLedger.title");
        String baseName = ReportExports.fileName("grand-livre", section.code(), period.from(), period.to());
        List<Column> columns = ledgerColumns(true);
        List<Account> list = moved.stream().map(TrialBalance.Row::account).toList();
        Row totals = Row.of(Style.TOTAL, ledgerCells("", null, "", "", messages.get("reports.totals"), "",
                Cell.amount(tb.totals().debitCents()), Cell.amount(tb.totals().creditCents()), Cell.blank()));
        if (!screen) {
            Iterable<Row> rows = new LazyRows(() -> new LedgerChunks(moved, period, totals));
            return new LedgerPage(new ReportExports.Export(new Report(title, subtitles, columns, rows), baseName), list, null, 0);
        }
        int first = 0;
        if (startAccount != null) {
            for (int i = 0; i < moved.size(); i++) {
                if (moved.get(i).account().id() == startAccount) {
                    first = i;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        Long nextAccount = null;
        int nextPage = 0;
        int lines = 0;
        for (int i = first; i < moved.size(); i++) {
            if (i > first && (lines >= ReportLimits.SCREEN_LINES || i - first >= SCREEN_ACCOUNTS)) {
                nextAccount = moved.get(i).account().id();
                break;
            }
            TrialBalance.Row r = moved.get(i);
            int p = i == first ? Math.max(0, startPage) : 0;
            Statement s = balances.statement(r.account().id(), period.from(), period.to(), p, SCREEN_STATEMENT_PAGE);
            rows.addAll(accountRows(r, period, s, true, p == 0));
            lines += s.rows().size();
            if (s.page() + 1 < s.pages()) {
                nextAccount = r.account().id();
                nextPage = s.page() + 1;
                break;
            }
            rows.add(accountTotals(r, period));
        }
        if (nextAccount == null) {
            rows.add(totals);
        }
        return new LedgerPage(new ReportExports.Export(new Report(title, subtitles, columns, rows), baseName), list, nextAccount,
                nextPage);
    }

    /** The whole general ledger: account after account, a statement page after another, then the totals. */
    private final class LedgerChunks implements LazyRows.Chunks {
        private final List<TrialBalance.Row> moved;
        private final Period period;
        private final Row totals;
        private int account;
        private int page;
        private boolean totalsGiven;

        LedgerChunks(List<TrialBalance.Row> moved, Period period, Row totals) {
            this.moved = moved;
            this.period = period;
            this.totals = totals;
        }

        @Override
        public List<Row> next() {
            if (account == moved.size()) {
                if (totalsGiven) {
                    return List.of();
                }
                totalsGiven = true;
                return List.of(totals);
            }
            TrialBalance.Row r = moved.get(account);
            Statement s = balances.statement(r.account().id(), period.from(), period.to(), page, Limits.PAGE_SIZE_MAX);
            List<Row> rows = new ArrayList<>(accountRows(r, period, s, page == 0, page == 0));
            if (s.page() + 1 < s.pages()) {
                page++;
            } else {
                rows.add(accountTotals(r, period));
                account++;
                page = 0;
            }
            return rows;
        }
    }

    /**
     * An account's heading (a screen page repeats it where it goes on with the account), its opening
     * balance (on its first page), then its lines of this statement page.
     */
    private List<Row> accountRows(TrialBalance.Row r, Period period, Statement s, boolean heading, boolean first) {
        Account a = r.account();
        List<Row> rows = new ArrayList<>(s.rows().size() + 2);
        if (heading) {
            rows.add(Row.of(Style.HEADING, ledgerCells(a.code(), null, "", "", a.label(), "", Cell.blank(), Cell.blank(), Cell.blank()))
                    .linkedTo("/accounts/" + a.id() + "?from=" + period.from() + "&to=" + period.to()));
        }
        if (first) {
            rows.add(Row.detail(ledgerCells(a.code(), period.from(), "", "", messages.get("reports.statement.opening"), "",
                    Cell.blank(), Cell.blank(), Cell.amount(r.openingCents()))));
        }
        for (Statement.Row line : s.rows()) {
            rows.add(statementRow(a.code(), line));
        }
        return rows;
    }

    private Row accountTotals(TrialBalance.Row r, Period period) {
        return Row.of(Style.SUBTOTAL, ledgerCells(r.account().code(), period.to(), "", "",
                messages.get("reports.generalLedger.accountTotals", r.account().code(), r.account().label()), "",
                Cell.amount(r.debitCents()), Cell.amount(r.creditCents()), Cell.amount(r.closingCents())));
    }

    private static Row statementRow(String code, Statement.Row r) {
        long amount = r.amountCents();
        String number = r.displayNumber() == null ? "#" + r.entryId() : r.displayNumber();
        String label = r.lineLabel() == null || r.lineLabel().isBlank() ? r.entryLabel() : r.entryLabel() + " · " + r.lineLabel();
        // the entry's number leads to the entry
        return Row.detail(ledgerCells(code, r.date(), r.journalCode(), number, label, r.voucherRef(),
                Cell.amountOrBlank(Math.max(0, amount)), Cell.amountOrBlank(Math.max(0, -amount)), Cell.amount(r.runningCents())))
                .linkedTo("/entries/" + r.entryId(), code == null ? 2 : 3);
    }

    /** The cells of a general ledger or statement row; {@code code} null leaves the account column out (a statement). */
    private static List<Cell> ledgerCells(String code, LocalDate date, String journal, String number, String label, String voucher,
            Cell debit, Cell credit, Cell running) {
        List<Cell> cells = new ArrayList<>(9);
        if (code != null) {
            cells.add(Cell.text(code));
        }
        cells.add(Cell.date(date));
        cells.add(Cell.text(journal));
        cells.add(Cell.text(number));
        cells.add(Cell.text(label));
        cells.add(Cell.text(voucher));
        cells.add(debit);
        cells.add(credit);
        cells.add(running);
        return cells;
    }

    // ---- account statement

    /**
     * Every line of an account between two dates with the running balance, read page by page as
     * it is written. A member gets his or her own accounts only (the ledger checks, on the first page).
     */
    ReportExports.Export statement(long accountId, Period period) {
        Statement first = balances.statement(accountId, period.from(), period.to(), 0, Limits.PAGE_SIZE_MAX);
        Account account = first.account();
        Section section = sections.get(account.sectionId());
        Movement moved = balances.balances(BalanceCriteria.account(section.id(), accountId, period.from(), period.to()))
                .getOrDefault(accountId, Movement.ZERO);
        Row opening = Row.detail(ledgerCells(null, period.from(), "", "", messages.get("reports.statement.opening"), "",
                Cell.blank(), Cell.blank(), Cell.amount(first.openingCents())));
        Row closing = Row.of(Style.TOTAL, ledgerCells(null, period.to(), "", "", messages.get("reports.statement.closing"), "",
                Cell.amount(moved.debitCents()), Cell.amount(moved.creditCents()), Cell.amount(first.closingCents())));
        Iterable<Row> rows = new LazyRows(() -> new LazyRows.Chunks() {
            private int page = -1;
            private boolean closed;

            @Override
            public List<Row> next() {
                if (page == -1) {
                    page = 0;
                    return List.of(opening);
                }
                if (page < first.pages()) {
                    Statement s = page == 0 ? first : balances.statement(accountId, period.from(), period.to(), page, Limits.PAGE_SIZE_MAX);
                    page++;
                    List<Row> rows = new ArrayList<>(s.rows().size());
                    s.rows().forEach(r -> rows.add(statementRow(null, r)));
                    if (!rows.isEmpty()) {
                        return rows;
                    }
                }
                if (!closed) {
                    closed = true;
                    return List.of(closing);
                }
                return List.of();
            }
        });
        List<String> subtitles = new ArrayList<>();
        subtitles.add(messages.get("reports.statement.account", account.code(), account.label()));
        subtitles.addAll(texts.scopeAndPeriod(ReportScope.of(section), period.from(), period.to()));
        Report report = new Report(messages.get("reports.statement.title"), subtitles, ledgerColumns(false), rows);
        return new ReportExports.Export(report, ReportExports.fileName("releve",
                section.code() + "-" + account.code() + "-" + account.id(), period.from(), period.to()));
    }
}
