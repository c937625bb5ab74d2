package org.envol.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envol.reports.ReportLedger.Y2024_END;
import static org.envol.reports.ReportLedger.Y2024_START;
import static org.envol.reports.ReportLedger.Y2025_END;
import static org.envol.reports.ReportLedger.Y2025_START;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envol.ledger.BalanceService;
import org.envol.ledger.TrialBalance;
import org.envol.reports.FinancialStatements.Values;
import org.envol.reports.ReportPeriods.Period;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The income statement and the balance sheet of {@link ReportLedger}, every figure computed by
 * hand in the comments there; the year-end result entry left out so that a closed year shows the
 * same result as before.
 */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class FinancialStatementsTest {

    @Autowired
    ReportLedger ledger;
    @Autowired
    FinancialStatements statements;
    @Autowired
    ReportExports exports;
    @Autowired
    BalanceService balances;

    ReportLedger.Club club;
    ReportScope a;

    @BeforeEach
    void setUp() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        club = ledger.create();
        a = ReportScope.of(club.a().section());
    }

    private Values income(int year) {
        return statements.incomeValues(a, year == 2025 ? new Period(Y2025_START, Y2025_END) : new Period(Y2024_START, Y2024_END));
    }

    private Values balance(int year) {
        return statements.balanceValues(a, year == 2025 ? Y2025_END : Y2024_END);
    }

    @Test
    void theIncomeStatementPlacesEachAccountOnItsLine() {
        Values n = income(2025);
        assertThat(n.get("is.dues")).isEqualTo(8_000);
        assertThat(n.get("is.salesServices")).isEqualTo(45_000);
        assertThat(n.get("is.operatingIncome")).isEqualTo(53_000);
        assertThat(n.get("is.externalCharges")).isEqualTo(40_000);
        assertThat(n.get("is.financialAid")).isEqualTo(5_000);
        assertThat(n.get("is.operatingCharges")).isEqualTo(45_000);
        assertThat(n.get("is.operatingResult")).isEqualTo(8_000);
        assertThat(n.get("is.financialIncome")).isEqualTo(1_234);
        assertThat(n.get("is.financialResult")).isEqualTo(1_234);
        assertThat(n.get("is.currentResult")).isEqualTo(9_234);
        assertThat(n.get("is.exceptionalCharges")).isEqualTo(1_000);
        assertThat(n.get("is.exceptionalResult")).isEqualTo(-1_000);
        assertThat(n.get("is.totalIncome")).isEqualTo(54_234);
        assertThat(n.get("is.totalCharges")).isEqualTo(46_000);
        assertThat(n.get(AssociationLayouts.RESULT)).isEqualTo(8_234);
        // contributions in kind apart, out of the result
        assertThat(n.get("is.inKind.volunteering")).isEqualTo(50_000);
        assertThat(n.get("is.inKind.volunteers")).isEqualTo(50_000);

        Values p = income(2024);
        assertThat(p.get("is.salesServices")).isEqualTo(30_000);
        assertThat(p.get("is.externalCharges")).isEqualTo(15_000);
        assertThat(p.get(AssociationLayouts.RESULT)).isEqualTo(15_000);
    }

    @Test
    void theIncomeStatementReportHasTheYearAndThePreviousOneBeside() {
        Report report = exports.export(ReportName.INCOME_STATEMENT, club.sectionA(),
                ReportExports.Query.period(Y2025_START, Y2025_END)).report();
        assertThat(report.title()).isEqualTo("Compte de résultat");
        assertThat(report.columns()).extracting(Report.Column::header).containsExactly("Rubrique", "2025", "2024");
        Map<String, List<Long>> rows = ReportRows.amountsByLabel(report);
        assertThat(rows.get("Excédent ou déficit")).containsExactly(8_234L, 15_000L);
        assertThat(rows.get("Cotisations")).containsExactly(8_000L, 0L);
        assertThat(rows.get("Ventes de prestations de services")).containsExactly(45_000L, 30_000L);
        assertThat(rows.get("Produits d’exploitation")).isEmpty();
        // a line with nothing in either year is left out; the numbered lines of the model stay
        assertThat(rows).doesNotContainKey("Subventions d’exploitation").containsKey("Charges financières (IV)");
        assertThat(ReportRows.rows(report).get(0).style()).isEqualTo(Report.Style.HEADING);
    }

    @Test
    void theBalanceSheetBalancesWithTheComputedResultBeforeClosing() {
        Values n = balance(2025);
        assertThat(n.get("bs.memberReceivables")).isEqualTo(50_000);   // Dupont owes 500.00
        assertThat(n.get("bs.otherReceivables")).isEqualTo(10_000);    // 467 towards section B
        assertThat(n.get("bs.cash")).isEqualTo(90_234);
        assertThat(n.get("bs.totalAssets")).isEqualTo(150_234);
        assertThat(n.get("bs.fundsWithoutRight")).isEqualTo(100_000);
        assertThat(n.get(AssociationLayouts.YEAR_RESULT)).isEqualTo(8_234);
        // 2024 is not closed: its result waits beside 12x
        assertThat(n.get(AssociationLayouts.PENDING_RESULTS)).isEqualTo(15_000);
        assertThat(n.get("bs.suppliers")).isEqualTo(15_000);
        assertThat(n.get("bs.memberAdvances")).isEqualTo(12_000);    // Martin paid 120.00 in advance
        assertThat(n.get("bs.debts")).isEqualTo(27_000);
        assertThat(n.get(AssociationLayouts.TOTAL_LIABILITIES)).isEqualTo(150_234);

        Values p = balance(2024);
        assertThat(p.get("bs.cash")).isEqualTo(105_000);
        assertThat(p.get("bs.memberReceivables")).isEqualTo(10_000);
        assertThat(p.get(AssociationLayouts.YEAR_RESULT)).isEqualTo(15_000);
        assertThat(p.get(AssociationLayouts.PENDING_RESULTS)).isZero();
        assertThat(p.get(AssociationLayouts.TOTAL_ASSETS)).isEqualTo(115_000).isEqualTo(p.get(AssociationLayouts.TOTAL_LIABILITIES));
    }

    @Test
    void theBalanceSheetReportComparesWithTheEndOfThePreviousYear() {
        Report report = exports.export(ReportName.BALANCE_SHEET, club.sectionA(),
                new ReportExports.Query(null, null, Y2025_END, null, null, null, null)).report();
        assertThat(report.columns()).extracting(Report.Column::header).containsExactly("Rubrique", "31/12/2025", "31/12/2024");
        Map<String, List<Long>> rows = ReportRows.amountsByLabel(report);
        assertThat(rows.get("Résultat de l’exercice (excédent ou déficit)")).containsExactly(8_234L, 15_000L);
        assertThat(rows.get("Total de l’actif (I + II)")).containsExactly(150_234L, 115_000L);
        assertThat(rows.get("Total du passif (I + II + III + IV)")).containsExactly(150_234L, 115_000L);
        assertThat(report.subtitleLines()).noneMatch(s -> s.startsWith("Attention"));
    }

    @Test
    void aClosedYearShowsTheSameResultItsResultEntryLeftOut() {
        Values incomeBefore = income(2024);
        Values sheetBefore = balance(2024);
        Values nextBefore = balance(2025);
        ledger.close2024(club);

        // the closing is in the books: 706 and 6061 are zero at the end of 2024
        TrialBalance tb = balances.trialBalance(club.sectionA(), Y2024_START, Y2024_END);
        assertThat(tb.rows()).filteredOn(r -> r.account().id() == club.flights().id()).singleElement()
                .extracting(TrialBalance.Row::closingCents).isEqualTo(0L);

        assertThat(income(2024).byKey()).isEqualTo(incomeBefore.byKey());
        assertThat(income(2024).get(AssociationLayouts.RESULT)).isEqualTo(15_000);
        assertThat(balance(2024).byKey()).isEqualTo(sheetBefore.byKey());
        assertThat(balance(2024).get(AssociationLayouts.YEAR_RESULT)).isEqualTo(15_000);
        // the next year sees the closing: the 2024 result now stands in 120, on the same line
        Values next = balance(2025);
        assertThat(next.get(AssociationLayouts.PENDING_RESULTS)).isEqualTo(15_000);
        assertThat(next.get(AssociationLayouts.YEAR_RESULT)).isEqualTo(8_234);
        assertThat(next.get(AssociationLayouts.TOTAL_LIABILITIES)).isEqualTo(nextBefore.get(AssociationLayouts.TOTAL_LIABILITIES));
        assertThat(income(2025).get(AssociationLayouts.RESULT)).isEqualTo(8_234);
    }

    @Test
    void withoutTheExclusionTheClosedYearWouldShowNoResult() {
        ledger.close2024(club);
        // what the rule prevents: summing the year with its result entry zeroes classes 6 and 7
        long withClosing = 0;
        for (AccountFigures.Figure f : figuresWithClosing()) {
            if (AssociationLayouts.isResultAccount(f.account().code())) {
                withClosing -= f.periodCents();
            }
        }
        assertThat(withClosing).isZero();
        assertThat(income(2024).get(AssociationLayouts.RESULT)).isEqualTo(15_000);
    }

    @Autowired
    AccountFigures figures;

    private List<AccountFigures.Figure> figuresWithClosing() {
        return figures.figures(club.a().section(), Y2024_START, Y2024_END, false);
    }

    @Test
    void aDraftResultEntryIsNotTakenOut() {
        Values before = income(2024);
        // a draft is not in the balances: taking it out would count the result twice
        ledger.draftClose2024(club);
        assertThat(figures.resultEntries(club.sectionA(), Y2024_START, Y2024_END)).isEmpty();
        assertThat(income(2024).byKey()).isEqualTo(before.byKey());
    }

    @Test
    void onlyTheResultEntryOfAYearEndingInThePeriodIsTakenOut() {
        ledger.close2024(club);
        assertThat(figures.resultEntries(club.sectionA(), Y2024_START, Y2024_END)).hasSize(1);
        assertThat(figures.resultEntries(club.sectionA(), Y2024_START, Y2024_END.minusDays(1))).isEmpty();
        assertThat(figures.resultEntries(club.sectionA(), Y2025_START, Y2025_END)).isEmpty();
    }

    @PostgresTest
    static class OnPostgres extends FinancialStatementsTest {
    }
}
