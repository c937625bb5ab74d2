package org.envol.reports;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.reports.ReportPeriods.Period;
import org.springframework.stereotype.Service;

/**
 * Every report, built whole for a download or the command line: a report name, its scope (one
 * section or consolidated) and what the user asked ({@link Query}); the defaults (current fiscal
 * year, today) are taken here, once for the pages and the command. Access is the ledger's: the
 * services refuse a report the current user may not read, before anything is written.
 */
@Service
public class ReportExports {

    /** A report ready to write, and the file name it is offered under (without extension). */
    public record Export(Report report, String baseName) {
    }

    /**
     * What a user asked for; null means not given. {@code at} is a day (balance sheet, member
     * balances) or, for a period report, the end of a period starting with its fiscal year.
     */
    public record Query(LocalDate from, LocalDate to, LocalDate at, String journal, Long account, Long thresholdCents,
            Grouping grouping) {

        public static Query period(LocalDate from, LocalDate to) {
            return new Query(from, to, null, null, null, null, null);
        }
    }

    /**
     * A report as its page shows it: the journals a page of entries at a time ({@code pager}), the
     * general ledger a few accounts at a time (where the next page starts: {@code nextAccount},
     * {@code nextPage}; null when this is the last), the others whole.
     */
    public record Page(Report report, ReportPeriods.Period period, LocalDate day, Pager pager, List<Account> ledgerAccounts,
            Long nextAccount, int nextPage) {
    }

    /**
     * Where a journal page stands: its month among the period's months, the page number within the
     * month (from 0), its pages and entries (drafts included, which the page does not show).
     */
    public record Pager(YearMonth month, List<YearMonth> months, int page, int pages, long total) {
    }

    /** Which page to show: a journal's month and page in it; the general ledger's first account and page in it. */
    public record Position(YearMonth month, int page, Long account) {

        public static final Position FIRST = new Position(null, 0, null);
    }

    private final ReportScopes scopes;
    private final ReportPeriods periods;
    private final BalanceReports balanceReports;
    private final FinancialStatements statements;
    private final LineReports lineReports;
    private final SectionService sections;
    private final AccountService accounts;

    ReportExports(ReportScopes scopes, ReportPeriods periods, BalanceReports balanceReports, FinancialStatements statements,
            LineReports lineReports, SectionService sections, AccountService accounts) {
        this.scopes = scopes;
        this.periods = periods;
        this.balanceReports = balanceReports;
        this.statements = statements;
        this.lineReports = lineReports;
        this.sections = sections;
        this.accounts = accounts;
    }

    /** One section's report, for whoever reads it. */
    public Export export(ReportName name, long sectionId, Query query) {
        return export(name, scopes.section(sections.get(sectionId)), query);
    }

    /** A report of a section given by its code, or of all sections ({@link ReportScope#ALL}) for club-wide roles. */
    public Export export(ReportName name, String sectionCode, Query query) {
        if (name == ReportName.STATEMENT && !ReportScope.ALL.equalsIgnoreCase(sectionCode == null ? "" : sectionCode.strip())) {
            // a member reads his or her own statement without reading the section
            Section section = sections.findByCode(sectionCode == null ? "" : sectionCode.strip().toUpperCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> new ReportException("reports.section.unknown", sectionCode));
            return statement(section, query);
        }
        return export(name, scopes.byCode(sectionCode), query);
    }

    /** The consolidated report of every section the user reads (club-wide roles). */
    public Export consolidated(ReportName name, Query query) {
        return export(name, scopes.consolidated(), query);
    }

    Export export(ReportName name, ReportScope scope, Query q) {
        requireScope(name, scope);
        return switch (name) {
            case TRIAL_BALANCE -> balanceReports.trialBalance(scope, period(scope, q),
                    q.grouping() == null ? Grouping.ACCOUNT : q.grouping());
            case INCOME_STATEMENT -> statements.incomeStatement(scope, period(scope, q));
            case BALANCE_SHEET -> statements.balanceSheet(scope, periods.at(q.at(), q.to()));
            case MEMBER_BALANCES -> balanceReports.memberBalances(scope, periods.at(q.at(), q.to()), q.thresholdCents());
            case GENERAL_LEDGER -> lineReports.generalLedger(scope, period(scope, q), null, 0, false).export();
            case JOURNAL -> lineReports.journal(scope, period(scope, q), q.journal(), null, 0).export();
            case STATEMENT -> statement(scope.section(), q);
        };
    }

    /** One section's report as its page shows it (see {@link Page}). */
    public Page page(ReportName name, long sectionId, Query query, Position at) {
        return page(name, scopes.section(sections.get(sectionId)), query, at);
    }

    Page page(ReportName name, ReportScope scope, Query q, Position at) {
        int page = Math.max(0, at.page());
        requireScope(name, scope);
        if (name == ReportName.BALANCE_SHEET || name == ReportName.MEMBER_BALANCES) {
            return new Page(export(name, scope, q).report(), null, periods.at(q.at(), q.to()), null, null, null, 0);
        }
        Period period = period(scope, q);
        return switch (name) {
            case JOURNAL -> {
                YearMonth month = at.month() == null ? YearMonth.from(period.from()) : at.month();
                LineReports.JournalPage p = lineReports.journal(scope, period, q.journal(), month, page);
                yield new Page(p.export().report(), period, null, new Pager(p.month(), p.months(), p.page(), p.pages(), p.total()),
                        null, null, 0);
            }
            case GENERAL_LEDGER -> {
                LineReports.LedgerPage p = lineReports.generalLedger(scope, period, at.account(), page, true);
                yield new Page(p.export().report(), period, null, null, p.accounts(), p.nextAccount(), p.nextPage());
            }
            default -> new Page(export(name, scope, q).report(), period, null, null, null, null, 0);
        };
    }

    /** Lines belong to one section's books: journals, the general ledger and statements are not consolidated. */
    static void requireScope(ReportName name, ReportScope scope) {
        if (scope.consolidated() && !name.consolidates()) {
            throw new ReportException("reports.consolidated.not", name.param());
        }
    }

    Period period(ReportScope scope, Query q) {
        return periods.period(scope, q.from(), q.to(), q.at());
    }

    /** An account's statement: up to {@code to} (else {@code at}, else today), from {@code from} (else the start of that fiscal year). */
    private Export statement(Section section, Query q) {
        if (q.account() == null) {
            throw new ReportException("reports.statement.accountMissing");
        }
        Account account = accounts.get(q.account());
        if (account.sectionId() != section.id()) {
            throw new ReportException("reports.statement.otherSection", account.display(), section.code());
        }
        return lineReports.statement(account.id(), statementPeriod(section, q));
    }

    Period statementPeriod(Section section, Query q) {
        LocalDate to = q.to() != null ? q.to() : q.at() != null ? q.at() : periods.today();
        LocalDate from = q.from() != null ? q.from() : periods.yearStart(section, to);
        if (to.isBefore(from)) {
            throw new ReportException("reports.period.invalid", ReportWriter.DAY.format(from), ReportWriter.DAY.format(to));
        }
        return new Period(from, to);
    }

    /** The trial balance of a section between two dates (the ledger's trial balance page). */
    public Export trialBalance(long sectionId, LocalDate from, LocalDate to) {
        return export(ReportName.TRIAL_BALANCE, sectionId, Query.period(from, to));
    }

    /** Every line of an account between two dates, with the running balance. */
    public Export statement(long accountId, LocalDate from, LocalDate to) {
        return lineReports.statement(accountId, new Period(from, to));
    }

    /** {@code balance-PLANEUR-2025-01-01-2025-12-31}: only letters, digits and dashes, for every browser. */
    static String fileName(String kind, String subject, LocalDate from, LocalDate to) {
        return kind + "-" + safe(subject) + "-" + from + "-" + to;
    }

    /** {@code bilan-PLANEUR-2025-12-31}: a report at one date. */
    static String fileName(String kind, String subject, LocalDate at) {
        return kind + "-" + safe(subject) + "-" + at;
    }

    private static String safe(String subject) {
        return Normalizer.normalize(subject, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9-]+", "_");
    }
}
