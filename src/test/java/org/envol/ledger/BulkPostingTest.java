package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch large enough for the bulk path (COPY on PostgreSQL) writes exactly the drafts, keeps
 * the monthly totals equal to the lines, and freezes in one set-based statement, on both databases.
 */
@SpringBootTest
class BulkPostingTest {

    static final int ENTRIES = EntryStore.COPY_THRESHOLD + 50;

    @Autowired
    Books books;

    @Autowired
    LedgerService ledger;

    @Autowired
    BalanceService balances;

    @Autowired
    ChainVerifier chain;

    @Autowired
    JdbcClient jdbc;

    Books.Club club;
    List<EntryDraft> drafts;

    @BeforeEach
    void drafts() {
        club = books.club("B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), 2025);
        Random random = new Random(7);
        List<Account> accounts = List.of(club.bank(), club.member(), club.income(), club.expense());
        drafts = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            Account debit = accounts.get(random.nextInt(4));
            Account credit = accounts.get((accounts.indexOf(debit) + 1 + random.nextInt(3)) % 4);
            long cents = 1 + random.nextInt(100_000);
            List<LineDraft> lines = new ArrayList<>(List.of(new LineDraft(debit.id(), cents, "débit\tavec tab\\", null),
                    new LineDraft(credit.id(), -cents + 1, null, "A1")));
            lines.add(LineDraft.of(accounts.get(random.nextInt(4)).id(), -1));
            Source source = i % 3 == 0 ? null : new Source("import", "R" + i);
            drafts.add(new EntryDraft(club.id(), "OD", date, "Écriture n° " + i + "\nsur deux lignes", i % 5 == 0 ? null : "P" + i,
                    source, lines));
        }
    }

    private long sumOfLines(long accountId, LocalDate to) {
        return jdbc.sql("select coalesce(sum(amount_cents), 0) from entry_line where account_id = ? and counted and entry_date <= ?")
                .params(accountId, to).query(Long.class).single();
    }

    @Test
    void writesEveryDraftAsItWasAndKeepsTheMonthlyTotalsEqualToTheLines() {
        List<Long> ids = SystemActor.run("test", () -> ledger.postAll(drafts));
        assertThat(ids).hasSize(ENTRIES);
        for (int i = 0; i < ENTRIES; i += 37) {
            int k = i;
            Entry e = SystemActor.run("test", () -> ledger.get(ids.get(k)));
            EntryDraft d = drafts.get(i);
            assertThat(LedgerService.toDraft(e).lines()).isEqualTo(d.lines());
            assertThat(List.of(e.date(), e.label(), String.valueOf(e.voucherRef()))).containsExactly(d.date(), d.label(),
                    String.valueOf(d.voucherRef()));
            assertThat(e.source()).isEqualTo(d.source() == null ? new Source(Source.MANUAL, Long.toString(e.id())) : d.source());
        }
        assertThat(jdbc.sql("select count(*) from entry_source where section_id = ?").param(club.id()).query(Long.class).single())
                .isEqualTo(drafts.stream().filter(d -> d.source() != null).count());
        Map<Long, Long> byMonth = new HashMap<>();
        jdbc.sql("select account_id, sum(debit_cents - credit_cents) from account_month where section_id = ? group by account_id")
                .param(club.id()).query((rs, n) -> byMonth.put(rs.getLong(1), rs.getLong(2))).list();
        for (Account a : List.of(club.bank(), club.member(), club.income(), club.expense())) {
            LocalDate end = LocalDate.of(2025, 12, 31);
            assertThat(byMonth.get(a.id())).isEqualTo(sumOfLines(a.id(), end));
            for (LocalDate at : List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 7, 16), end)) {
                assertThat(SystemActor.run("test", () -> balances.balanceCents(a.id(), at))).isEqualTo(sumOfLines(a.id(), at));
            }
        }
    }

    @Test
    void aBatchOverTwoSectionsLeavesATraceInEachSectionsAuditLog() {
        Books.Club other = books.club(2025);
        List<EntryDraft> two = List.of(drafts.get(0), other.draft(LocalDate.of(2025, 6, 1), "Autre section", other.bank(), other.income(), 500));
        SystemActor.run("test", () -> ledger.postAll(two));
        for (long sectionId : List.of(club.id(), other.id())) {
            assertThat(jdbc.sql("select count(*) from audit_event where section_id = ? and action = 'POST_BATCH'")
                    .param(sectionId).query(Long.class).single()).as("section %d", sectionId).isEqualTo(1);
        }
    }

    @Test
    void aSourceAlreadyTakenRefusesTheWholeBatch() {
        SystemActor.run("test", () -> ledger.postAll(drafts.subList(0, 3)));
        assertThatThrownBy(() -> SystemActor.run("test", () -> ledger.postAll(drafts)))
                .isInstanceOf(RejectedException.class)
                .satisfies(e -> assertThat(((RejectedException) e).rejections()).extracting(Rejection::code)
                        .containsOnly(RejectionCode.SOURCE_TAKEN).hasSize(2));
        assertThat(jdbc.sql("select count(*) from entry where section_id = ?").param(club.id()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void freezesABatchWithContinuousNumbersAndAnIntactChain() {
        List<Long> ids = SystemActor.run("test", () -> ledger.postAll(drafts));
        FreezeReport report = SystemActor.run("test", () -> ledger.freeze(ids));
        assertThat(report.frozen()).hasSize(ENTRIES);
        assertThat(jdbc.sql("select number from entry where section_id = ? order by entry_date, id").param(club.id())
                .query(Integer.class).list()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, ENTRIES).boxed().toList());
        assertThat(SystemActor.run("test", () -> chain.verify(club.id())).intact()).isTrue();
        assertThat(SystemActor.run("test", () -> ledger.freeze(ids)).alreadyFrozen()).hasSize(ENTRIES);
    }

    @PostgresTest
    static class OnPostgres extends BulkPostingTest {
    }
}
