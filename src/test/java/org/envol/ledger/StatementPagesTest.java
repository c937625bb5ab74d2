package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * A statement page that jumps over whole months (their line counts and totals) shows the same
 * lines and running balances as reading every line from the start: checked against a plain
 * reading of the lines, for periods that start and end inside months, and after edits.
 */
@SpringBootTest
class StatementPagesTest {

    @Autowired
    Books books;

    @Autowired
    LedgerService ledger;

    @Autowired
    BalanceService balances;

    @Autowired
    JdbcClient jdbc;

    Books.Club club;
    List<Long> ids;

    @BeforeEach
    void aYearOfLinesOnTheMemberAccount() {
        club = books.club("S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), 2025);
        Random random = new Random(11);
        List<EntryDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            long cents = 100 + random.nextInt(50_000);
            drafts.add(random.nextBoolean() ? club.draft(date, "Vol " + i, club.member(), club.income(), cents)
                    : club.draft(date, "Paiement " + i, club.bank(), club.member(), cents));
        }
        ids = SystemActor.run("test", () -> ledger.postAll(drafts));
    }

    /** What a page must hold, read plainly: every counted line of the period in order, with its running balance. */
    private List<Statement.Row> reference(long accountId, LocalDate from, LocalDate to, int page, int size) {
        long opening = jdbc.sql("select coalesce(sum(amount_cents), 0) from entry_line where account_id = ? and counted and entry_date < ?")
                .params(accountId, from).query(Long.class).single();
        List<long[]> lines = jdbc.sql("select entry_id, amount_cents from entry_line where account_id = ? and counted"
                + " and entry_date between ? and ? order by entry_date, entry_id, line_no").params(accountId, from, to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        List<Statement.Row> out = new ArrayList<>();
        long running = opening;
        for (int i = 0; i < lines.size(); i++) {
            running += lines.get(i)[1];
            if (i >= page * size && i < (page + 1) * size) {
                out.add(new Statement.Row(lines.get(i)[0], null, null, null, null, null, null, null, lines.get(i)[1], running));
            }
        }
        return out;
    }

    private void assertPagesMatch(long accountId, LocalDate from, LocalDate to) {
        int size = 17;
        Statement first = SystemActor.run("test", () -> balances.statement(accountId, from, to, 0, size));
        for (int page = 0; page <= first.pages(); page++) {
            int p = page;
            Statement s = SystemActor.run("test", () -> balances.statement(accountId, from, to, p, size));
            assertThat(s.totalRows()).isEqualTo(first.totalRows());
            assertThat(s.rows()).extracting(Statement.Row::entryId, Statement.Row::amountCents, Statement.Row::runningCents)
                    .as("page %d of %s..%s", page, from, to)
                    .containsExactlyElementsOf(reference(accountId, from, to, page, size).stream()
                            .map(r -> org.assertj.core.groups.Tuple.tuple(r.entryId(), r.amountCents(), r.runningCents())).toList());
        }
        long closing = jdbc.sql("select coalesce(sum(amount_cents), 0) from entry_line where account_id = ? and counted and entry_date <= ?")
                .params(accountId, to).query(Long.class).single();
        assertThat(first.closingCents()).isEqualTo(closing);
    }

    @Test
    void pagesDeepInTheHistoryMatchAPlainReadingOfTheLines() {
        assertPagesMatch(club.member().id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertPagesMatch(club.member().id(), LocalDate.of(2025, 2, 13), LocalDate.of(2025, 11, 7));
        assertPagesMatch(club.bank().id(), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        assertPagesMatch(club.bank().id(), LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 20));
    }

    @Test
    void monthlyCountsFollowDeletionsUpdatesAndDrafts() {
        SystemActor.run("test", () -> {
            ledger.delete(ids.get(0));
            Entry e = ledger.get(ids.get(1));
            ledger.update(e.id(), club.draft(e.date().withDayOfMonth(28), "Déplacée", club.member(), club.expense(), 999), EntryStatus.POSTED);
            ledger.saveDraft(club.draft(LocalDate.of(2025, 5, 5), "Brouillon", club.member(), club.income(), 5_000));
            ledger.freeze(ids.subList(2, 30));
        });
        assertThat(jdbc.sql("select count(*) from account_month m where m.section_id = ? and m.line_count <> (select count(*)"
                + " from entry_line l where l.account_id = m.account_id and l.counted and l.entry_date >= m.month_start"
                + " and l.entry_date < m.month_start + interval '1' month)").param(club.id()).query(Long.class).single()).isZero();
        assertPagesMatch(club.member().id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    }

    @PostgresTest
    static class OnPostgres extends StatementPagesTest {
    }
}
