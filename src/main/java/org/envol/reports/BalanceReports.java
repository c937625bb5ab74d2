package org.envol.reports;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.ChartCode;
import org.envol.ledger.ChartService;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.envol.ledger.Section;
import org.envol.ledger.TrialBalance;
import org.envol.reports.Report.Cell;
import org.envol.reports.Report.Column;
import org.envol.reports.Report.Kind;
import org.envol.reports.Report.Row;
import org.envol.reports.Report.Style;
import org.envol.reports.ReportPeriods.Period;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The reports made of balances alone, read from the ledger's monthly totals: the trial balance
 * (by account, or by chart code with class subtotals) and the member balances.
 */
@Component
class BalanceReports {

    static final int CODE = 10;
    static final int LABEL = 40;
    static final int AMOUNT = 14;

    /** A row of the trial balance: an account (or a code, consolidated), its opening balance, movements and closing balance. */
    record Line(String code, String label, Long accountId, long openingCents, long debitCents, long creditCents,
            long closingCents) {

        Line plus(Line o) {
            return new Line(code, label, null, openingCents + o.openingCents, debitCents + o.debitCents,
                    creditCents + o.creditCents, closingCents + o.closingCents);
        }
    }

    private final BalanceService balances;
    private final AccountService accounts;
    private final ChartService chart;
    private final ReportTexts texts;
    private final Messages messages;

    BalanceReports(BalanceService balances, AccountService accounts, ChartService chart, ReportTexts texts, Messages messages) {
        this.balances = balances;
        this.accounts = accounts;
        this.chart = chart;
        this.texts = texts;
        this.messages = messages;
    }

    // ---- trial balance

    ReportExports.Export trialBalance(ReportScope scope, Period period, Grouping grouping) {
        List<Line> lines = trialBalanceLines(scope, period);
        List<Column> columns = List.of(
                new Column(messages.get(grouping == Grouping.ACCOUNT ? "reports.column.code" : "reports.column.chartCode"), Kind.TEXT, CODE),
                new Column(messages.get("reports.column.label"), Kind.TEXT, LABEL),
                new Column(messages.get("reports.column.opening"), Kind.AMOUNT, AMOUNT),
                new Column(messages.get("reports.column.debit"), Kind.AMOUNT, AMOUNT),
                new Column(messages.get("reports.column.credit"), Kind.AMOUNT, AMOUNT),
                new Column(messages.get("reports.column.closing"), Kind.AMOUNT, AMOUNT));
        List<Row> rows = new ArrayList<>();
        Line total = new Line("", messages.get("reports.totals"), null, 0, 0, 0, 0);
        if (grouping == Grouping.ACCOUNT) {
            for (Line l : lines) {
                Row row = row(Style.DETAIL, l);
                rows.add(l.accountId() == null ? row
                        : row.linkedTo("/accounts/" + l.accountId() + "?from=" + period.from() + "&to=" + period.to()));
                total = total.plus(l);
            }
        } else {
            Map<String, String> chartLabels = chartLabels();
            Map<String, Line> groups = new TreeMap<>();
            for (Line l : lines) {
                String code = l.code().substring(0, Math.min(grouping.digits(), l.code().length()));
                groups.merge(code, new Line(code, "", null, l.openingCents(), l.debitCents(), l.creditCents(),
                        l.closingCents()), Line::plus);
            }
            groups.replaceAll((code, g) -> new Line(code, groupLabel(code, chartLabels), null, g.openingCents(), g.debitCents(),
                    g.creditCents(), g.closingCents()));
            Line classTotal = null;
            for (Line g : groups.values()) {
                if (classTotal != null && classTotal.code().charAt(0) != g.code().charAt(0)) {
                    rows.add(row(Style.SUBTOTAL, classTotal));
                    classTotal = null;
                }
                if (classTotal == null) {
                    String c = g.code().substring(0, 1);
                    classTotal = new Line(c, messages.get("reports.classTotal", c, messages.get("reports.class." + c)), null, 0, 0, 0, 0);
                }
                rows.add(row(Style.DETAIL, g));
                classTotal = classTotal.plus(g);
                total = total.plus(g);
            }
            if (classTotal != null) {
                rows.add(row(Style.SUBTOTAL, classTotal));
            }
        }
        rows.add(row(Style.TOTAL, new Line("", messages.get("reports.totals"), null, total.openingCents(), total.debitCents(),
                total.creditCents(), total.closingCents())));
        String title = messages.get(grouping == Grouping.ACCOUNT ? "reports.trialBalance.title" : "reports.trialBalance.byCode.title",
                grouping.digits());
        Report report = new Report(title, texts.scopeAndPeriod(scope, period.from(), period.to()), columns, rows);
        String kind = grouping == Grouping.ACCOUNT ? "balance" : "balance-" + grouping.digits() + "-chiffres";
        return new ReportExports.Export(report, ReportExports.fileName(kind, scope.code(), period.from(), period.to()));
    }

    private static Row row(Style style, Line l) {
        return Row.of(style, List.of(Cell.text(l.code()), Cell.text(l.label()), Cell.amount(l.openingCents()),
                Cell.amount(l.debitCents()), Cell.amount(l.creditCents()), Cell.amount(l.closingCents())));
    }

    /**
     * The trial balance's rows: each account of the section (the ledger's trial balance, checked
     * balanced on read); consolidated, each account code summed across the sections.
     */
    List<Line> trialBalanceLines(ReportScope scope, Period period) {
        if (!scope.consolidated()) {
            TrialBalance tb = balances.trialBalance(scope.section().id(), period.from(), period.to());
            return tb.rows().stream().map(r -> new Line(r.account().code(), r.account().label(), r.account().id(),
                    r.openingCents(), r.debitCents(), r.creditCents(), r.closingCents())).toList();
        }
        Map<String, String> chartLabels = chartLabels();
        Map<String, Line> byCode = new TreeMap<>();
        for (Section section : scope.sections()) {
            for (TrialBalance.Row r : balances.trialBalance(section.id(), period.from(), period.to()).rows()) {
                String code = r.account().code();
                byCode.merge(code, new Line(code, chartLabels.getOrDefault(code, r.account().label()), null, r.openingCents(),
                        r.debitCents(), r.creditCents(), r.closingCents()), Line::plus);
            }
        }
        return List.copyOf(byCode.values());
    }

    private Map<String, String> chartLabels() {
        Map<String, String> labels = new java.util.HashMap<>();
        for (ChartCode c : chart.list()) {
            labels.put(c.code(), c.label());
        }
        return labels;
    }

    /** The name of a chart code of 2 or 3 digits: the chart's label, else the PCG's name of its 2-digit class. */
    private String groupLabel(String code, Map<String, String> chartLabels) {
        if (code.length() >= 3 && chartLabels.containsKey(code)) {
            return chartLabels.get(code);
        }
        String key = "reports.class2." + code.substring(0, Math.min(2, code.length()));
        String name = messages.get(key);
        if (!name.equals(key)) {
            return name;
        }
        return chartLabels.getOrDefault(code, "");
    }

    // ---- member balances

    /**
     * Each member account (411) with its balance at a date — debtors (who owe the club) on the
     * left, creditors (paid in advance) on the right; with a threshold, only the members who owe
     * more than it. Closed accounts at zero are left out.
     */
    ReportExports.Export memberBalances(ReportScope scope, LocalDate at, Long thresholdCents) {
        record Member(Section section, Account account, long balanceCents) {
        }
        List<Member> members = new ArrayList<>();
        for (Section section : scope.sections()) {
            Map<Long, Long> byAccount = balances.accountBalances(section.id(), at);
            for (Account a : accounts.listByPrefix(section.id(), "411")) {
                long balance = byAccount.getOrDefault(a.id(), 0L);
                boolean shown = thresholdCents == null ? (a.active() || balance != 0) : balance > thresholdCents;
                if (shown) {
                    members.add(new Member(section, a, balance));
                }
            }
        }
        Collator collator = Collator.getInstance(Locale.FRENCH);
        members.sort(Comparator.comparing((Member m) -> m.account().label(), collator).thenComparing(m -> m.section().code()));
        List<Column> columns = new ArrayList<>();
        if (scope.consolidated()) {
            columns.add(new Column(messages.get("reports.column.section"), Kind.TEXT, CODE));
        }
        columns.add(new Column(messages.get("reports.column.code"), Kind.TEXT, CODE));
        columns.add(new Column(messages.get("reports.column.member"), Kind.TEXT, LABEL));
        columns.add(new Column(messages.get("reports.column.owes"), Kind.AMOUNT, AMOUNT));
        columns.add(new Column(messages.get("reports.column.advance"), Kind.AMOUNT, AMOUNT));
        List<Row> rows = new ArrayList<>();
        long owed = 0;
        long advanced = 0;
        for (Member m : members) {
            List<Cell> cells = new ArrayList<>();
            if (scope.consolidated()) {
                cells.add(Cell.text(m.section().code()));
            }
            cells.add(Cell.text(m.account().code()));
            cells.add(Cell.text(m.account().label()));
            cells.add(Cell.amountOrBlank(Math.max(0, m.balanceCents())));
            cells.add(Cell.amountOrBlank(Math.max(0, -m.balanceCents())));
            // the member's name leads to his or her statement
            rows.add(Row.detail(cells).linkedTo("/accounts/" + m.account().id() + "?to=" + at, cells.size() - 3));
            owed += Math.max(0, m.balanceCents());
            advanced += Math.max(0, -m.balanceCents());
        }
        List<Cell> totals = new ArrayList<>();
        if (scope.consolidated()) {
            totals.add(Cell.blank());
        }
        totals.add(Cell.blank());
        totals.add(Cell.text(messages.get("reports.memberBalances.totals", members.size())));
        totals.add(Cell.amount(owed));
        totals.add(Cell.amount(advanced));
        rows.add(Row.of(Style.TOTAL, totals));
        List<String> subtitles = new ArrayList<>(texts.scope(scope));
        subtitles.add(messages.get("reports.at", ReportWriter.DAY.format(at)));
        if (thresholdCents != null) {
            subtitles.add(messages.get("reports.memberBalances.threshold", Money.format(thresholdCents, LocaleContextHolder.getLocale())));
        }
        Report report = new Report(messages.get("reports.memberBalances.title"), subtitles, columns, rows);
        return new ReportExports.Export(report, ReportExports.fileName("soldes-pilotes", scope.code(), at));
    }
}
