package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database refuses rows that refer to nothing, and keeps rows that are referred to: foreign
 * keys on H2, statement-level checks on PostgreSQL (V20). Same assertions on both.
 */
@SpringBootTest
class ReferencesTest {

    @Autowired
    Books books;

    @Autowired
    LedgerService ledger;

    @Autowired
    JdbcClient jdbc;

    Books.Club club;
    Entry entry;
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    @BeforeEach
    void postOneEntryWithASource() {
        club = books.club("R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), 2025);
        EntryDraft d = club.draft(DAY, "Vol", club.member(), club.income(), 12_000);
        entry = SystemActor.run("test", () -> ledger.post(new EntryDraft(d.sectionId(), "VT", d.date(), d.label(), null,
                new Source("flight", "F-" + club.id()), d.lines())));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private void insertLine(long entryId, int lineNo, long accountId) {
        jdbc.sql("insert into entry_line (entry_id, line_no, section_id, account_id, entry_date, amount_cents, counted)"
                + " values (?, ?, ?, ?, ?, 100, true)").params(entryId, lineNo, club.id(), accountId, DAY).update();
    }

    private void insertEntry(long id, long sectionId, long journalId, long fiscalYearId) {
        jdbc.sql("insert into entry (id, section_id, journal_id, fiscal_year_id, entry_date, label, source_kind, source_ref,"
                + " status, created_at, created_by) values (?, ?, ?, ?, ?, 'x', 'manual', ?, 'DRAFT', current_timestamp, 'test')")
                .params(id, sectionId, journalId, fiscalYearId, DAY, Long.toString(id)).update();
    }

    private long journalId(String code) {
        return count("select id from journal where code = ?", code);
    }

    private long freeEntryId() {
        return count("select next_value from id_block where name = 'entry'") + 1_000_000;
    }

    @Test
    void aLineMustBelongToAnExistingEntry() {
        assertThatThrownBy(() -> insertLine(freeEntryId(), 1, club.bank().id())).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aLineMustBeOnAnExistingAccount() {
        assertThatThrownBy(() -> insertLine(entry.id(), 9, 987_654_321L)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("select count(*) from entry_line where entry_id = ?", entry.id())).isEqualTo(2);
    }

    @Test
    void oneBadReferenceRefusesTheWholeStatement() {
        List<Object[]> rows = new ArrayList<>();
        String values = "(?, 10, ?, ?, ?, 100, true), (?, 11, ?, ?, ?, 100, true), (?, 12, ?, ?, ?, 100, true)";
        rows.add(new Object[] {entry.id(), club.id(), club.bank().id(), DAY});
        rows.add(new Object[] {entry.id(), club.id(), 987_654_321L, DAY});
        rows.add(new Object[] {entry.id(), club.id(), club.expense().id(), DAY});
        assertThatThrownBy(() -> jdbc.sql("insert into entry_line (entry_id, line_no, section_id, account_id, entry_date,"
                + " amount_cents, counted) values " + values).params(rows.stream().flatMap(r -> List.of(r).stream()).toList()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("select count(*) from entry_line where entry_id = ?", entry.id())).isEqualTo(2);
    }

    @Test
    void aLineCannotBeMovedToAMissingAccountOrEntry() {
        assertThatThrownBy(() -> jdbc.sql("update entry_line set account_id = 987654321 where entry_id = ? and line_no = 1")
                .param(entry.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update entry_line set entry_id = ? where entry_id = ? and line_no = 1")
                .params(freeEntryId(), entry.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anEntryMustBeInAnExistingSectionJournalAndFiscalYear() {
        long id = freeEntryId();
        long od = journalId("OD");
        assertThatThrownBy(() -> insertEntry(id, 987_654_321L, od, club.year().id())).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertEntry(id, club.id(), 987_654_321L, club.year().id())).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertEntry(id, club.id(), od, 987_654_321L)).isInstanceOf(DataIntegrityViolationException.class);
        insertEntry(id, club.id(), od, club.year().id());
        assertThatThrownBy(() -> jdbc.sql("update entry set journal_id = 987654321 where id = ?").param(id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aSourceMustPointAtAnExistingEntryOfAnExistingSection() {
        assertThatThrownBy(() -> jdbc.sql("insert into entry_source (section_id, kind, reference, entry_id) values (?, 'flight', 'X1', ?)")
                .params(club.id(), freeEntryId()).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("insert into entry_source (section_id, kind, reference, entry_id) values (987654321, 'flight', 'X2', ?)")
                .params(entry.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void whatEntriesReferToCannotBeDeletedNorRenumbered() {
        assertThatThrownBy(() -> jdbc.sql("delete from account where id = ?").param(club.member().id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update account set id = 987654321 where id = ?").param(club.member().id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from fiscal_year where id = ?").param(club.year().id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from journal where code = 'VT'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from section where id = ?").param(club.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update entry set id = ? where id = ?").params(freeEntryId(), entry.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // an account nothing refers to goes, and renaming a referred one is fine
        assertThat(jdbc.sql("update account set label = 'Dupont Jeanne' where id = ?").param(club.member().id()).update()).isOne();
        assertThat(jdbc.sql("delete from account where id = ?").param(club.bank().id()).update()).isOne();
    }

    @Test
    void anEntryStandingForASourceCannotBeDeletedAndItsLinesGoWithIt() {
        assertThatThrownBy(() -> jdbc.sql("delete from entry where id = ?").param(entry.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("delete from entry_source where entry_id = ?").param(entry.id()).update();
        jdbc.sql("delete from entry where id = ?").param(entry.id()).update();
        assertThat(count("select count(*) from entry_line where entry_id = ?", entry.id())).isZero();
    }

    @Test
    void entriesCannotBeTruncatedWithoutTheirLines() {
        long entries = count("select count(*) from entry");
        assertThatThrownBy(() -> jdbc.sql("truncate table entry").update()).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("truncate table account").update()).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(count("select count(*) from entry")).isEqualTo(entries);
    }

    @Test
    void theLedgerStillDeletesADraftWithItsSourceAndLines() {
        EntryDraft d = club.draft(DAY, "Facture", club.expense(), club.bank(), 5_000);
        Entry draft = SystemActor.run("test", () -> ledger.saveDraft(new EntryDraft(d.sectionId(), "AC", d.date(), d.label(), null,
                new Source("invoice", "I-" + club.id()), d.lines())));
        SystemActor.run("test", () -> ledger.delete(draft.id()));
        assertThat(count("select count(*) from entry where id = ?", draft.id())).isZero();
        assertThat(count("select count(*) from entry_line where entry_id = ?", draft.id())).isZero();
        assertThat(count("select count(*) from entry_source where entry_id = ?", draft.id())).isZero();
    }

    @PostgresTest
    static class OnPostgres extends ReferencesTest {
    }
}
