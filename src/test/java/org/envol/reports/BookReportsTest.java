package org.envol.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envol.reports.ReportLedger.Y2025_END;
import static org.envol.reports.ReportLedger.Y2025_START;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.reports.ReportExports.Query;
import org.envol.reports.ReportPeriods.Period;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The trial balances, member balances, journals, general ledger and statement of
 * {@link ReportLedger}, each figure computed by hand; a treasurer's view of section A.
 */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class BookReportsTest {

    @Autowired
    ReportLedger ledger;
    @Autowired
    ReportExports exports;
    @Autowired
    LineReports lineReports;
    @Autowired
    LedgerService ledgerService;

    ReportLedger.Club club;

    @BeforeEach
    void setUp() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        club = ledger.create();
    }

    private Report report(ReportName name, Query query) {
        return exports.export(name, club.sectionA(), query).report();
    }

    private static Query year2025() {
        return Query.period(Y2025_START, Y2025_END);
    }

    @Test
    void theTrialBalanceByAccount() {
        List<String> lines = ReportRows.lines(report(ReportName.TRIAL_BALANCE, year2025()));
        assertThat(lines).contains(
                "102|Fonds associatifs|-100000|0|0|-100000",
                "411|Dupont Jean|10000|45000|5000|50000",
                "411|Martin Anne|0|8000|20000|-12000",
                "512|Banque|105000|21234|36000|90234",
                "706|Prestations|-30000|0|45000|-75000",
                "6061|Carburant|15000|40000|0|55000",
                "467|Liaison B|0|10000|0|10000");
        // totals: openings and closings sum to zero, debits equal credits (205.234,00 of 2025's entries, the draft left out)
        assertThat(lines.get(lines.size() - 1)).isEqualTo("|Totaux|0|205234|205234|0");
    }

    @Test
    void theTrialBalanceAtADateStartsWithItsFiscalYear() {
        Report report = report(ReportName.TRIAL_BALANCE, new Query(null, null, LocalDate.of(2025, 1, 31), null, null, null, null));
        assertThat(report.subtitleLines()).contains("Du 01/01/2025 au 31/01/2025");
        assertThat(ReportRows.lines(report)).contains("411|Martin Anne|0|8000|20000|-12000", "512|Banque|105000|20000|0|125000");
    }

    @Test
    void theTrialBalanceByTwoDigitCodeWithClassSubtotals() {
        Query byTwo = new Query(Y2025_START, Y2025_END, null, null, null, null, Grouping.CODE2);
        Report report = report(ReportName.TRIAL_BALANCE, byTwo);
        assertThat(report.title()).isEqualTo("Balance par code à 2 chiffres");
        List<String> lines = ReportRows.lines(report);
        assertThat(lines).containsSubsequence(
                "40|Fournisseurs et comptes rattachés|0|25000|40000|-15000",
                "41|Adhérents, usagers et comptes rattachés|10000|53000|25000|38000",
                "46|Débiteurs et créditeurs divers|0|10000|0|10000",
                "4|Total classe 4 · Comptes de tiers|10000|88000|65000|33000",
                "51|Banques et établissements financiers|105000|21234|36000|90234",
                "5|Total classe 5 · Comptes financiers|105000|21234|36000|90234");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("|Totaux|0|205234|205234|0");
        assertThat(ReportRows.rows(report)).filteredOn(r -> r.style() == Report.Style.SUBTOTAL).hasSize(6); // classes 1, 4, 5, 6, 7, 8
    }

    @Test
    void theTrialBalanceByThreeDigitCode() {
        Query byThree = new Query(Y2025_START, Y2025_END, null, null, null, null, Grouping.CODE3);
        List<String> lines = ReportRows.lines(report(ReportName.TRIAL_BALANCE, byThree));
        assertThat(lines).anyMatch(l -> l.startsWith("411|") && l.endsWith("|10000|53000|25000|38000"));
        assertThat(lines).anyMatch(l -> l.startsWith("606|") && l.endsWith("|15000|40000|0|55000"));
    }

    @Test
    void memberBalancesWithAndWithoutAThreshold() {
        Report all = report(ReportName.MEMBER_BALANCES, new Query(null, null, Y2025_END, null, null, null, null));
        assertThat(ReportRows.lines(all)).containsExactly(
                "411|Dupont Jean|50000|",
                "411|Martin Anne||12000",
                "|Totaux (2 membres)|50000|12000");
        Report owing = report(ReportName.MEMBER_BALANCES, new Query(null, null, Y2025_END, null, null, 10_000L, null));
        assertThat(ReportRows.lines(owing)).containsExactly("411|Dupont Jean|50000|", "|Totaux (1 membres)|50000|0");
        assertThat(owing.subtitleLines()).contains("Membres qui doivent plus de 100,00");
        // the threshold itself is not « more than »
        Report none = report(ReportName.MEMBER_BALANCES, new Query(null, null, Y2025_END, null, null, 50_000L, null));
        assertThat(ReportRows.lines(none)).containsExactly("|Totaux (0 membres)|0|0");
        // a member at zero is listed without a threshold
        Report earlier = report(ReportName.MEMBER_BALANCES, new Query(null, null, LocalDate.of(2024, 12, 31), null, null, null, null));
        assertThat(ReportRows.lines(earlier)).containsExactly("411|Dupont Jean|10000|", "411|Martin Anne||", "|Totaux (2 membres)|10000|0");
    }

    @Test
    void theGeneralJournalHasEveryEntryWithItsLinesAndNoDraft() {
        Report report = report(ReportName.JOURNAL, year2025());
        List<Report.Row> rows = ReportRows.rows(report);
        assertThat(rows).filteredOn(r -> r.style() == Report.Style.HEADING).hasSize(10);
        assertThat(rows).hasSize(10 + 20 + 1);
        List<String> lines = ReportRows.lines(report);
        int dues = lines.indexOf(lines.stream().filter(l -> l.endsWith("||Cotisation Martin|||")).findFirst().orElseThrow());
        assertThat(lines.get(dues)).startsWith("2025-01-15|OD|#");
        assertThat(lines.subList(dues + 1, dues + 3)).containsExactly("|||411|Martin Anne||8000|", "|||756|Cotisations|||8000");
        assertThat(lines).noneMatch(l -> l.contains("Brouillon"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("||||Totaux||205234|205234");
        assertThat(report.title()).isEqualTo("Grand journal");
    }

    @Test
    void aJournalByItsCode() {
        SystemActor.run("test", () -> ledgerService.post(EntryDraft.manual(club.sectionA(), "BQ", LocalDate.of(2025, 10, 1),
                "Frais de tenue de compte", null, List.of(LineDraft.of(club.fuel().id(), 700), LineDraft.of(club.bank().id(), -700)))));
        Report bq = report(ReportName.JOURNAL, new Query(Y2025_START, Y2025_END, null, "bq", null, null, null));
        assertThat(bq.title()).isEqualTo("Journal BQ · Banque");
        assertThat(ReportRows.lines(bq)).hasSize(4).last().isEqualTo("||||Totaux||700|700");
        assertThat(ReportRows.lines(report(ReportName.JOURNAL, new Query(Y2025_START, Y2025_END, null, "OD", null, null, null))))
                .last().isEqualTo("||||Totaux||205234|205234");
        assertThatThrownBy(() -> report(ReportName.JOURNAL, new Query(Y2025_START, Y2025_END, null, "ZZ", null, null, null)))
                .isInstanceOf(ReportException.class).extracting("key").isEqualTo("reports.journal.unknown");
    }

    @Test
    void theJournalOnScreenIsAMonthAPageAtATime() {
        Period year = new Period(Y2025_START, Y2025_END);
        ReportScope a = ReportScope.of(club.a().section());
        LineReports.JournalPage january = lineReports.journal(a, year, null, YearMonth.of(2025, 1), 0);
        assertThat(january.months()).hasSize(12).startsWith(YearMonth.of(2025, 1)).endsWith(YearMonth.of(2025, 12));
        assertThat(january.total()).isEqualTo(2);
        assertThat(ReportRows.lines(january.export().report())).last().isEqualTo("||||Total de la page||28000|28000");
        // September holds only the draft, which the page counts but does not show
        LineReports.JournalPage september = lineReports.journal(a, year, null, YearMonth.of(2025, 9), 0);
        assertThat(september.total()).isEqualTo(1);
        assertThat(ReportRows.lines(september.export().report())).containsExactly("||||Total de la page||0|0");
        // a month outside the period shows the period's first
        assertThat(lineReports.journal(a, year, null, YearMonth.of(2031, 1), 0).month()).isEqualTo(YearMonth.of(2025, 1));
        // a page within a month
        SystemActor.run("test", () -> {
            for (int i = 0; i < 60; i++) {
                ledgerService.post(EntryDraft.manual(club.sectionA(), "OD", LocalDate.of(2025, 12, 1 + i % 28), "Vol " + i, null,
                        List.of(LineDraft.of(club.dupont().id(), 100), LineDraft.of(club.flights().id(), -100))));
            }
        });
        LineReports.JournalPage december = lineReports.journal(a, year, null, YearMonth.of(2025, 12), 1);
        assertThat(december.pages()).isEqualTo(2);
        assertThat(ReportRows.rows(december.export().report())).filteredOn(r -> r.style() == Report.Style.HEADING).hasSize(10);
    }

    @Test
    void theGeneralLedgerHasEachAccountWithMovementsItsLinesAndRunningBalance() {
        Report report = report(ReportName.GENERAL_LEDGER, year2025());
        List<String> lines = ReportRows.lines(report);
        int bank = lines.indexOf("512||||Banque||||");
        assertThat(lines.get(bank + 1)).isEqualTo("512|2025-01-01|||Solde d’ouverture||||105000");
        assertThat(lines.get(bank + 2)).startsWith("512|2025-01-20|OD|#").endsWith("|Règlement Martin||20000||125000");
        assertThat(lines.get(bank + 3)).endsWith("|Paiement station|||25000|100000");
        assertThat(lines.get(bank + 4)).endsWith("|Intérêts||1234||101234");
        assertThat(lines.get(bank + 5)).endsWith("|Amende|||1000|100234");
        assertThat(lines.get(bank + 6)).endsWith("|Virement vers B|||10000|90234");
        assertThat(lines.get(bank + 7)).isEqualTo("512|2025-12-31|||Total 512 · Banque||21234|36000|90234");
        // 102 did not move in 2025
        assertThat(lines).noneMatch(l -> l.startsWith("102|"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("||||Totaux||205234|205234|");
    }

    @Test
    void theGeneralLedgerOnScreenGoesOnWhereThePageStopped() {
        SystemActor.run("test", () -> {
            for (int i = 0; i < 150; i++) {
                ledgerService.post(EntryDraft.manual(club.sectionA(), "OD", LocalDate.of(2025, 11, 1 + i % 28), "Vol " + i, null,
                        List.of(LineDraft.of(club.dupont().id(), 100), LineDraft.of(club.flights().id(), -100))));
            }
        });
        Period year = new Period(Y2025_START, Y2025_END);
        ReportScope a = ReportScope.of(club.a().section());
        LineReports.LedgerPage first = lineReports.generalLedger(a, year, null, 0, true);
        // the first accounts (102 has no movement): 401, then Dupont's 152 lines stop the page at 100
        assertThat(first.nextAccount()).isEqualTo(club.dupont().id());
        assertThat(first.nextPage()).isEqualTo(1);
        LineReports.LedgerPage second = lineReports.generalLedger(a, year, first.nextAccount(), first.nextPage(), true);
        List<String> lines = ReportRows.lines(second.export().report());
        assertThat(lines.get(0)).isEqualTo("411||||Dupont Jean||||");
        // the account goes on: no second opening balance, the running balance where page 1 left it
        assertThat(lines.get(1)).startsWith("411|2025-11-").endsWith("||100||59900");
        assertThat(lines).contains("411|2025-12-31|||Total 411 · Dupont Jean||60000|5000|65000");
        // every line of the ledger is on one page or another: the whole export has them all
        long exported = ReportRows.lines(report(ReportName.GENERAL_LEDGER, year2025())).stream()
                .filter(l -> l.startsWith("411|") && l.contains("|Vol ")).count();
        assertThat(exported).isEqualTo(150);
    }

    @Test
    void theStatementUpToTodayByDefaultFromItsFiscalYear() {
        Report report = exports.export(ReportName.STATEMENT, club.a().section().code(),
                new Query(null, Y2025_END, null, null, club.dupont().id(), null, null)).report();
        assertThat(report.subtitleLines()).contains("Compte 411 · Dupont Jean", "Du 01/01/2025 au 31/12/2025");
        List<String> lines = ReportRows.lines(report);
        assertThat(lines.get(0)).isEqualTo("2025-01-01|||Solde d’ouverture||||10000");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("2025-12-31|||Solde de clôture||45000|5000|50000");
        assertThatThrownBy(() -> exports.export(ReportName.STATEMENT, club.b().section().code(),
                new Query(null, Y2025_END, null, null, club.dupont().id(), null, null)))
                .isInstanceOf(ReportException.class).extracting("key").isEqualTo("reports.statement.otherSection");
    }

    @Autowired
    ReportPeriods periods;

    @Test
    void periodsAsked() {
        ReportScope a = ReportScope.of(club.a().section());
        LocalDate june = LocalDate.of(2025, 6, 30);
        assertThat(periods.period(a, null, june, null)).isEqualTo(new Period(Y2025_START, june));
        assertThat(periods.period(a, null, null, june)).isEqualTo(new Period(Y2025_START, june));
        assertThat(periods.period(a, LocalDate.of(2025, 3, 1), null, june)).isEqualTo(new Period(LocalDate.of(2025, 3, 1), june));
        assertThat(periods.period(a, ReportLedger.Y2024_START, Y2025_END, null))
                .isEqualTo(new Period(ReportLedger.Y2024_START, Y2025_END));
        // the column N-1: the previous fiscal year for a whole one, else the same days a year before
        assertThat(periods.previous(a, new Period(Y2025_START, Y2025_END)))
                .isEqualTo(new Period(ReportLedger.Y2024_START, ReportLedger.Y2024_END));
        assertThat(periods.previous(a, new Period(Y2025_START, june))).isEqualTo(new Period(ReportLedger.Y2024_START, june.minusYears(1)));
        assertThat(periods.previousAt(a, Y2025_END)).isEqualTo(ReportLedger.Y2024_END);
        assertThat(periods.previousAt(a, june)).isEqualTo(june.minusYears(1));
        // before any fiscal year, the year starts on the 1st of January
        assertThat(periods.yearStart(club.a().section(), LocalDate.of(2019, 5, 5))).isEqualTo(LocalDate.of(2019, 1, 1));
    }

    @Test
    void aReversedPeriodIsRefused() {
        assertThatThrownBy(() -> report(ReportName.TRIAL_BALANCE, Query.period(Y2025_END, Y2025_START)))
                .isInstanceOf(ReportException.class).extracting("key").isEqualTo("reports.period.invalid");
    }

    @Test
    void linesReportsAreNotConsolidated() {
        assertThatThrownBy(() -> exports.consolidated(ReportName.GENERAL_LEDGER, year2025()))
                .isInstanceOf(ReportException.class).extracting("key").isEqualTo("reports.consolidated.not");
        assertThatThrownBy(() -> exports.export(ReportName.JOURNAL, "all", year2025()))
                .isInstanceOf(ReportException.class).extracting("key").isEqualTo("reports.consolidated.not");
    }

    static void as(String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("u", null,
                AuthorityUtils.createAuthorityList(authorities)));
    }

    @Test
    void aMemberGetsHisOwnStatementAndNoOtherReport() {
        as(Authorities.section(club.sectionA(), Role.MEMBER), Authorities.account(club.dupont().id()));
        String a = club.a().section().code();
        assertThat(ReportRows.lines(exports.statement(club.dupont().id(), Y2025_START, Y2025_END).report())).last()
                .isEqualTo("2025-12-31|||Solde de clôture||45000|5000|50000");
        assertThat(ReportRows.lines(exports.export(ReportName.STATEMENT, a,
                new Query(Y2025_START, Y2025_END, null, null, club.dupont().id(), null, null)).report())).isNotEmpty();
        assertThatThrownBy(() -> exports.statement(club.martin().id(), Y2025_START, Y2025_END))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.export(ReportName.STATEMENT, a,
                new Query(Y2025_START, Y2025_END, null, null, club.martin().id(), null, null))).isInstanceOf(AccessDeniedException.class);
        for (ReportName name : List.of(ReportName.MEMBER_BALANCES, ReportName.TRIAL_BALANCE, ReportName.INCOME_STATEMENT,
                ReportName.BALANCE_SHEET, ReportName.GENERAL_LEDGER, ReportName.JOURNAL)) {
            assertThatThrownBy(() -> exports.export(name, club.sectionA(), year2025())).as(name.param())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aTreasurerOfAReadsNotB() {
        as(Authorities.section(club.sectionA(), Role.TREASURER));
        assertThat(ReportRows.lines(exports.export(ReportName.TRIAL_BALANCE, club.sectionA(), year2025()).report())).isNotEmpty();
        for (ReportName name : List.of(ReportName.MEMBER_BALANCES, ReportName.TRIAL_BALANCE, ReportName.INCOME_STATEMENT,
                ReportName.BALANCE_SHEET, ReportName.GENERAL_LEDGER, ReportName.JOURNAL)) {
            assertThatThrownBy(() -> exports.export(name, club.sectionB(), year2025())).as(name.param())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> exports.export(name, club.b().section().code(), year2025())).as(name.param())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> exports.statement(club.bLiaison().id(), Y2025_START, Y2025_END))
                .isInstanceOf(AccessDeniedException.class);
    }

    @PostgresTest
    static class OnPostgres extends BookReportsTest {
    }
}
