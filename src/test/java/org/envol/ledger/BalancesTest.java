package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** Balances at a date, the trial balance of a period and statements, across month boundaries. */
@SpringBootTest
@WithMockUser(username = "tresorier", authorities = "ROLE_ADMIN")
class BalancesTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    BalanceService balances;
    @Autowired
    Books books;

    Club club;

    @BeforeEach
    void setUp() {
        club = books.club(2025);
        post(LocalDate.of(2025, 1, 31), club.member(), club.income(), 10_000); // flight billed
        post(LocalDate.of(2025, 2, 1), club.bank(), club.member(), 6_000);     // payment
        post(LocalDate.of(2025, 2, 14), club.expense(), club.bank(), 2_500);   // fuel
        post(LocalDate.of(2025, 3, 31), club.member(), club.income(), 4_000);
        post(LocalDate.of(2025, 4, 1), club.bank(), club.member(), 8_000);
        ledger.saveDraft(club.draft(LocalDate.of(2025, 2, 10), "brouillon", club.bank(), club.income(), 999_999));
    }

    void post(LocalDate date, Account debit, Account credit, long cents) {
        ledger.post(club.draft(date, "op " + cents, debit, credit, cents));
    }

    @Test
    void balanceAtADateIncludesThatDayAndIgnoresDrafts() {
        assertThat(balances.balanceCents(club.member().id(), LocalDate.of(2025, 1, 30))).isZero();
        assertThat(balances.balanceCents(club.member().id(), LocalDate.of(2025, 1, 31))).isEqualTo(10_000);
        assertThat(balances.balanceCents(club.member().id(), LocalDate.of(2025, 2, 1))).isEqualTo(4_000);
        assertThat(balances.balanceCents(club.member().id(), LocalDate.of(2025, 3, 31))).isEqualTo(8_000);
        assertThat(balances.balanceCents(club.member().id(), LocalDate.of(2025, 12, 31))).isZero();
        assertThat(balances.balanceCents(club.bank().id(), LocalDate.of(2025, 2, 28))).isEqualTo(3_500);
    }

    @Test
    void trialBalanceOfAPeriodWithPartialMonths() {
        TrialBalance tb = balances.trialBalance(club.id(), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 31));
        assertThat(tb.balanced()).isTrue();
        TrialBalance.Row member = row(tb, club.member());
        assertThat(member.openingCents()).isEqualTo(10_000);
        assertThat(member.debitCents()).isEqualTo(4_000);
        assertThat(member.creditCents()).isEqualTo(6_000);
        assertThat(member.closingCents()).isEqualTo(8_000);
        TrialBalance mid = balances.trialBalance(club.id(), LocalDate.of(2025, 1, 15), LocalDate.of(2025, 2, 13));
        assertThat(row(mid, club.member()).debitCents()).isEqualTo(10_000);
        assertThat(row(mid, club.member()).creditCents()).isEqualTo(6_000);
        assertThat(row(mid, club.bank()).closingCents()).isEqualTo(6_000);
        assertThat(mid.rows()).extracting(r -> r.account().id()).doesNotContain(club.expense().id());
        // every account's closing equals its balance at the end of the period
        for (TrialBalance.Row r : tb.rows()) {
            assertThat(r.closingCents()).isEqualTo(balances.balanceCents(r.account().id(), LocalDate.of(2025, 3, 31)));
        }
    }

    @Test
    void statementWithOpeningRunningAndClosingBalance() {
        Statement s = balances.statement(club.member().id(), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 30), 0, 2);
        assertThat(s.openingCents()).isEqualTo(10_000);
        assertThat(s.totalRows()).isEqualTo(3);
        assertThat(s.pages()).isEqualTo(2);
        assertThat(s.rows()).extracting(Statement.Row::amountCents).containsExactly(-6_000L, 4_000L);
        assertThat(s.rows()).extracting(Statement.Row::runningCents).containsExactly(4_000L, 8_000L);
        Statement page2 = balances.statement(club.member().id(), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 30), 1, 2);
        assertThat(page2.rows()).extracting(Statement.Row::runningCents).containsExactly(0L);
        assertThat(page2.closingCents()).isZero();
    }

    static TrialBalance.Row row(TrialBalance tb, Account a) {
        return tb.rows().stream().filter(r -> r.account().id() == a.id()).findFirst().orElseThrow();
    }

    @PostgresTest
    static class OnPostgres extends BalancesTest {
    }
}
