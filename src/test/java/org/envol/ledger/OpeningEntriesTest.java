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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Balances run on from year to year, so the opening entries a closing posts (source
 * {@link YearEnd#opening(long)}) restate what the books carry: they, and their reversals, stay out
 * of the balances while they are in the journals. Without the rule every balance-sheet account
 * would count twice from the new year on.
 */
@SpringBootTest
@WithMockUser(username = "tresorier", authorities = "ROLE_ADMIN")
class OpeningEntriesTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    BalanceService balances;
    @Autowired
    FiscalYearService years;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;

    Club club;
    FiscalYear next;

    @BeforeEach
    void setUp() {
        club = books.club(2025);
        next = years.create(club.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        ledger.post(club.draft(LocalDate.of(2025, 6, 1), "Règlement", club.bank(), club.member(), 30_000));
    }

    EntryDraft opening(Source source) {
        return new EntryDraft(club.id(), "AN", LocalDate.of(2026, 1, 1), "À-nouveaux", null, source,
                List.of(LineDraft.of(club.bank().id(), 30_000), LineDraft.of(club.member().id(), -30_000)));
    }

    void assertBalancesRunOn() {
        assertThat(balances.balanceCents(club.bank().id(), LocalDate.of(2026, 1, 1))).isEqualTo(30_000);
        assertThat(balances.balanceCents(club.member().id(), LocalDate.of(2026, 12, 31))).isEqualTo(-30_000);
        TrialBalance tb = balances.trialBalance(club.id(), next.startDate(), next.endDate());
        assertThat(tb.rows()).filteredOn(r -> r.account().id() == club.bank().id()).singleElement()
                .satisfies(r -> {
                    assertThat(r.openingCents()).isEqualTo(30_000);
                    assertThat(r.debitCents()).isZero();
                    assertThat(r.closingCents()).isEqualTo(30_000);
                });
        // the monthly totals agree with the counted lines
        long months = jdbc.sql("select coalesce(sum(debit_cents - credit_cents), 0) from account_month where account_id = ?")
                .param(club.bank().id()).query(Long.class).single();
        long lines = jdbc.sql("select coalesce(sum(amount_cents), 0) from entry_line where account_id = ? and counted")
                .param(club.bank().id()).query(Long.class).single();
        assertThat(months).isEqualTo(lines).isEqualTo(30_000);
    }

    @Test
    void anOpeningEntryOfAClosingIsNotCountedInTheBalances() {
        Entry an = ledger.post(opening(YearEnd.opening(next.id())));
        ledger.freeze(List.of(an.id()));
        assertThat(ledger.get(an.id()).status()).isEqualTo(EntryStatus.FROZEN);
        assertBalancesRunOn();
        Entry part2 = ledger.post(opening(YearEnd.opening(next.id(), 2)));
        assertThat(part2.source().reference()).isEqualTo("opening-" + next.id() + "-2");
        assertBalancesRunOn();
    }

    @Test
    void itsReversalIsNotCountedEitherNorWhenThatReversalIsDeletedOrChanged() {
        Entry an = ledger.post(opening(YearEnd.opening(next.id())));
        ledger.freeze(List.of(an.id()));
        Entry reversal = ledger.reverse(an.id(), null, null);
        assertBalancesRunOn();
        ledger.update(reversal.id(), LedgerService.toDraft(reversal), EntryStatus.POSTED);
        assertBalancesRunOn();
        ledger.delete(reversal.id());
        assertBalancesRunOn();
    }

    @Test
    void aDraftOpeningEntryStaysOutWhenPosted() {
        Entry draft = ledger.saveDraft(opening(YearEnd.opening(next.id())));
        ledger.postDraft(draft.id());
        assertBalancesRunOn();
        ledger.delete(draft.id());
        assertBalancesRunOn();
    }

    @Test
    void anyOtherOpeningEntryIsCounted() {
        ledger.post(opening(new Source("import", "AN-2026")));
        assertThat(balances.balanceCents(club.bank().id(), LocalDate.of(2026, 1, 1))).isEqualTo(60_000);
        assertThat(YearEnd.restatesBalances(YearEnd.result(next.id()))).isFalse();
        assertThat(YearEnd.restatesBalances(YearEnd.carry(next.id()))).isFalse();
        assertThat(YearEnd.restatesBalances(null)).isFalse();
    }

    @PostgresTest
    static class OnPostgres extends OpeningEntriesTest {
    }
}
