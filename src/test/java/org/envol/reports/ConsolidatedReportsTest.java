package org.envol.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envol.reports.ReportLedger.Y2025_END;
import static org.envol.reports.ReportLedger.Y2025_START;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envol.reports.ReportExports.Query;
import org.envol.reports.ReportPeriods.Period;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Consolidated reports sum the sections a club-wide user reads, by account code: the liaison
 * account 467 between sections A and B cancels out. A database of its own (a property only this
 * class sets), so that the club holds exactly the two sections of {@link ReportLedger}.
 */
@SpringBootTest
@TestPropertySource(properties = "envol.test.database=consolidated-reports")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolidatedReportsTest {

    @Autowired
    ReportLedger ledger;
    @Autowired
    ReportExports exports;
    @Autowired
    FinancialStatements statements;
    @Autowired
    ReportScopes scopes;

    ReportLedger.Club club;

    @BeforeAll
    void setUp() {
        club = ledger.create();
    }

    @BeforeEach
    void asAdmin() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        as(Authorities.ADMIN);
    }

    static void as(String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("u", null,
                AuthorityUtils.createAuthorityList(authorities)));
    }

    private static Query year2025() {
        return Query.period(Y2025_START, Y2025_END);
    }

    @Test
    void theConsolidatedTrialBalanceSumsEachCodeAndTheLiaisonCancels() {
        Report report = exports.consolidated(ReportName.TRIAL_BALANCE, year2025()).report();
        assertThat(report.subtitleLines().get(0)).isEqualTo("Consolidé : sections " + String.join(", ",
                List.of(club.a().section().code(), club.b().section().code()).stream().sorted().toList()));
        List<String> lines = ReportRows.lines(report);
        // 467: A debit 100.00, B credit 100.00 → zero
        assertThat(lines).anyMatch(l -> l.startsWith("467|") && l.endsWith("|0|10000|10000|0"));
        // 512: A 902.34 + B 100.00; 411: both members of A together
        assertThat(lines).anyMatch(l -> l.startsWith("512|") && l.endsWith("|105000|31234|36000|100234"));
        assertThat(lines).anyMatch(l -> l.startsWith("411|") && l.endsWith("|10000|53000|25000|38000"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("|Totaux|0|215234|215234|0");
    }

    @Test
    void theConsolidatedTrialBalanceIsTheSumOfTheSections() {
        Map<String, Long> sum = new HashMap<>();
        for (long section : List.of(club.sectionA(), club.sectionB())) {
            for (String l : ReportRows.lines(exports.export(ReportName.TRIAL_BALANCE, section, year2025()).report())) {
                String[] cells = l.split("\\|", -1);
                if (!cells[0].isEmpty()) {
                    sum.merge(cells[0], Long.parseLong(cells[5]), Long::sum);
                }
            }
        }
        for (String l : ReportRows.lines(exports.consolidated(ReportName.TRIAL_BALANCE, year2025()).report())) {
            String[] cells = l.split("\\|", -1);
            if (!cells[0].isEmpty()) {
                assertThat(Long.parseLong(cells[5])).as(cells[0]).isEqualTo(sum.get(cells[0]));
            }
        }
    }

    @Test
    void theConsolidatedBalanceSheetHasNoLiaisonLeft() {
        ReportScope all = scopes.consolidated();
        FinancialStatements.Values n = statements.balanceValues(all, Y2025_END);
        assertThat(n.get("bs.cash")).isEqualTo(100_234);
        assertThat(n.get("bs.otherReceivables")).isZero();
        assertThat(n.get("bs.otherDebts")).isZero();
        assertThat(n.get(AssociationLayouts.TOTAL_ASSETS)).isEqualTo(150_234).isEqualTo(n.get(AssociationLayouts.TOTAL_LIABILITIES));
        // section by section, the liaison is an asset in A and a debt in B
        FinancialStatements.Values b = statements.balanceValues(ReportScope.of(club.b().section()), Y2025_END);
        assertThat(b.get("bs.cash")).isEqualTo(10_000);
        assertThat(b.get("bs.otherDebts")).isEqualTo(10_000);
    }

    @Test
    void theConsolidatedIncomeStatementIsSectionAs() {
        FinancialStatements.Values all = statements.incomeValues(scopes.consolidated(), new Period(Y2025_START, Y2025_END));
        assertThat(all.get(AssociationLayouts.RESULT)).isEqualTo(8_234);
        assertThat(all.byKey()).isEqualTo(statements.incomeValues(ReportScope.of(club.a().section()),
                new Period(Y2025_START, Y2025_END)).byKey());
    }

    @Test
    void consolidatedMemberBalancesNameTheSection() {
        List<String> lines = ReportRows.lines(exports.export(ReportName.MEMBER_BALANCES, "ALL",
                new Query(null, null, Y2025_END, null, null, null, null)).report());
        String a = club.a().section().code();
        String b = club.b().section().code();
        // section B has its own Dupont Jean account, at zero
        assertThat(lines).containsExactlyInAnyOrder(a + "|411|Dupont Jean|50000|", b + "|411|Dupont Jean||",
                a + "|411|Martin Anne||12000", "||Totaux (3 membres)|50000|12000");
    }

    @Test
    void aClubWideAccountantSeesTheConsolidatedReports() {
        as(Authorities.section(null, Role.ACCOUNTANT));
        assertThat(ReportRows.lines(exports.consolidated(ReportName.TRIAL_BALANCE, year2025()).report()))
                .last().isEqualTo("|Totaux|0|215234|215234|0");
    }

    @Test
    void aSectionRoleDoesNotConsolidate() {
        // a treasurer of both sections is still not club-wide
        as(Authorities.section(club.sectionA(), Role.TREASURER), Authorities.section(club.sectionB(), Role.TREASURER));
        assertThatThrownBy(() -> exports.consolidated(ReportName.BALANCE_SHEET, year2025())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.export(ReportName.TRIAL_BALANCE, "ALL", year2025())).isInstanceOf(AccessDeniedException.class);
        as(Authorities.section(null, Role.MEMBER));
        assertThatThrownBy(() -> exports.consolidated(ReportName.MEMBER_BALANCES, year2025())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSystemActorIsClubWide() {
        SecurityContextHolder.clearContext();
        assertThat(SystemActor.run("cli:test", () -> scopes.canConsolidate())).isTrue();
    }

    @PostgresTest
    static class OnPostgres extends ConsolidatedReportsTest {
    }
}
