package org.envol.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.envol.ledger.Section;
import org.envol.reports.AccountFigures.Figure;
import org.envol.reports.FinancialLayout.Balance;
import org.envol.reports.Report.Cell;
import org.envol.reports.Report.Column;
import org.envol.reports.Report.Kind;
import org.envol.reports.Report.Row;
import org.envol.reports.Report.Style;
import org.envol.reports.ReportPeriods.Period;
import org.springframework.stereotype.Component;

/**
 * The income statement (compte de résultat) and the balance sheet (bilan) in the association
 * layout ({@link AssociationLayouts}), with the previous year beside. The year's result is
 * classes 7 − 6 of the year, year-end result entries left out: the same before and after closing.
 */
@Component
class FinancialStatements {

    /** The amounts of each line and sum of a layout. */
    record Values(Map<String, Long> byKey) {

        long get(String key) {
            return byKey.getOrDefault(key, 0L);
        }
    }

    private final AccountFigures figures;
    private final ReportPeriods periods;
    private final ReportTexts texts;
    private final Messages messages;

    FinancialStatements(AccountFigures figures, ReportPeriods periods, ReportTexts texts, Messages messages) {
        this.figures = figures;
        this.periods = periods;
        this.texts = texts;
        this.messages = messages;
    }

    // ---- income statement

    ReportExports.Export incomeStatement(ReportScope scope, Period period) {
        Period previous = periods.previous(scope, period);
        Values n = incomeValues(scope, period);
        Values p = incomeValues(scope, previous);
        List<String> subtitles = new ArrayList<>(texts.scope(scope));
        subtitles.add(messages.get("reports.comparedWith", ReportWriter.DAY.format(period.from()), ReportWriter.DAY.format(period.to()),
                ReportWriter.DAY.format(previous.from()), ReportWriter.DAY.format(previous.to())));
        Report report = render(messages.get("reports.incomeStatement.title"), subtitles, AssociationLayouts.INCOME_STATEMENT,
                n, p, texts.yearHeader(period), texts.yearHeader(previous));
        return new ReportExports.Export(report, ReportExports.fileName("compte-de-resultat", scope.code(), period.from(), period.to()));
    }

    /** The income statement's amounts for a period: classes 6, 7, 86 and 87 moved within it, result entries left out. */
    Values incomeValues(ReportScope scope, Period period) {
        List<Balance> balances = new ArrayList<>();
        long result = 0;
        for (Section section : scope.sections()) {
            for (Figure f : figures.movements(section, period.from(), period.to(), true)) {
                String code = f.account().code();
                if (AssociationLayouts.inIncomeStatement(code)) {
                    balances.add(new Balance(code, f.periodCents()));
                }
                if (AssociationLayouts.isResultAccount(code)) {
                    result += f.periodCents();
                }
            }
        }
        Values values = new Values(AssociationLayouts.INCOME_STATEMENT.evaluate(balances, Map.of()));
        if (values.get(AssociationLayouts.RESULT) != -result) {
            // every code of classes 6 and 7 has a line: the layout's result is 7 − 6 or the layout is wrong
            throw new IllegalStateException("income statement result " + values.get(AssociationLayouts.RESULT)
                    + " is not classes 7 - 6 " + -result);
        }
        return values;
    }

    // ---- balance sheet

    ReportExports.Export balanceSheet(ReportScope scope, LocalDate at) {
        LocalDate previousAt = periods.previousAt(scope, at);
        Values n = balanceValues(scope, at);
        Values p = balanceValues(scope, previousAt);
        List<String> subtitles = new ArrayList<>(texts.scope(scope));
        subtitles.add(messages.get("reports.balanceSheet.at", ReportWriter.DAY.format(at), ReportWriter.DAY.format(previousAt)));
        for (Map.Entry<LocalDate, Values> v : Map.of(at, n, previousAt, p).entrySet()) {
            long gap = v.getValue().get(AssociationLayouts.TOTAL_ASSETS) - v.getValue().get(AssociationLayouts.TOTAL_LIABILITIES);
            if (gap != 0) {
                subtitles.add(messages.get("reports.balanceSheet.unbalanced", ReportWriter.DAY.format(v.getKey()),
                        Money.format(gap, org.springframework.context.i18n.LocaleContextHolder.getLocale())));
            }
        }
        Report report = render(messages.get("reports.balanceSheet.title"), subtitles, AssociationLayouts.BALANCE_SHEET, n, p,
                ReportWriter.DAY.format(at), ReportWriter.DAY.format(previousAt));
        return new ReportExports.Export(report, ReportExports.fileName("bilan", scope.code(), at));
    }

    /**
     * The balance sheet's amounts at the end of a day: classes 1 to 5 as they stand (the result
     * entry of the year ending that day left out), the year's result from classes 6 and 7 since the
     * start of the fiscal year, and the results of earlier years not yet closed beside 12x.
     */
    Values balanceValues(ReportScope scope, LocalDate at) {
        List<Balance> balances = new ArrayList<>();
        Map<String, Long> liaison = new HashMap<>();
        long yearResult = 0;
        long earlierResults = 0;
        for (Section section : scope.sections()) {
            LocalDate yearStart = periods.yearStart(section, at);
            for (Figure f : figures.figures(section, yearStart, at, true)) {
                String code = f.account().code();
                if (AssociationLayouts.isResultAccount(code)) {
                    yearResult -= f.periodCents();
                    earlierResults -= f.openingCents();
                } else if (AssociationLayouts.inBalanceSheet(code)) {
                    if (scope.consolidated() && AssociationLayouts.isLiaison(code)) {
                        liaison.merge(code, f.closingCents(), Math::addExact);
                    } else {
                        // each account on its side: a member who owes is an asset, one paid in advance a debt
                        balances.add(new Balance(code, f.closingCents()));
                    }
                }
            }
        }
        liaison.forEach((code, cents) -> balances.add(new Balance(code, cents)));
        Map<String, Long> computed = Map.of(AssociationLayouts.YEAR_RESULT, yearResult,
                AssociationLayouts.PENDING_RESULTS, earlierResults);
        return new Values(AssociationLayouts.BALANCE_SHEET.evaluate(balances, computed));
    }

    // ---- both

    private Report render(String title, List<String> subtitles, FinancialLayout layout, Values n, Values p, String headerN,
            String headerP) {
        List<Column> columns = List.of(new Column(messages.get("reports.column.heading"), Kind.TEXT, 60),
                new Column(headerN, Kind.AMOUNT, 16), new Column(headerP, Kind.AMOUNT, 16));
        List<Row> rows = new ArrayList<>();
        for (FinancialLayout.Part part : layout.parts()) {
            String label = messages.get("reports." + part.key());
            if (part instanceof FinancialLayout.Heading) {
                rows.add(Row.of(Style.HEADING, List.of(Cell.text(label), Cell.blank(), Cell.blank())));
            } else if (part instanceof FinancialLayout.Item item) {
                if (item.always() || n.get(item.key()) != 0 || p.get(item.key()) != 0) {
                    rows.add(Row.detail(List.of(Cell.text(label), Cell.amount(n.get(item.key())), Cell.amount(p.get(item.key())))));
                }
            } else if (part instanceof FinancialLayout.Sum sum) {
                rows.add(Row.of(sum.style(), List.of(Cell.text(label), Cell.amount(n.get(sum.key())), Cell.amount(p.get(sum.key())))));
            }
        }
        return new Report(title, subtitles, columns, rows);
    }
}
