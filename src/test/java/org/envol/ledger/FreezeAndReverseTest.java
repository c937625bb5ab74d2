package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Validation (freeze) numbers and chains entries; a frozen entry never changes; reversal corrects it. */
@SpringBootTest
@WithMockUser(username = "tresorier", authorities = "ROLE_ADMIN")
class FreezeAndReverseTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 15);

    @Autowired
    LedgerService ledger;
    @Autowired
    BalanceService balances;
    @Autowired
    FiscalYearService years;
    @Autowired
    AccountService accounts;
    @Autowired
    ChainVerifier chain;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    Club club;

    @BeforeEach
    void setUp() {
        club = books.club(2025);
    }

    Entry post(String journal, LocalDate date, long cents) {
        return ledger.post(new EntryDraft(club.id(), journal, date, "Écriture " + cents, null, null,
                List.of(LineDraft.of(club.bank().id(), cents), LineDraft.of(club.member().id(), -cents))));
    }

    @Test
    void numbersAreContinuousPerJournalAndFiscalYearInDateOrder() {
        Entry late = post("BQ", DAY.plusDays(5), 300);
        Entry early = post("BQ", DAY, 100);
        Entry od = post("OD", DAY, 200);
        FreezeReport r = ledger.freeze(List.of(late.id(), early.id(), od.id()));
        assertThat(r.frozen()).hasSize(3);
        assertThat(ledger.get(early.id()).number()).isEqualTo(1);
        assertThat(ledger.get(late.id()).number()).isEqualTo(2);
        assertThat(ledger.get(od.id()).number()).isEqualTo(1);
        Entry next = post("BQ", DAY.minusDays(10), 50);
        ledger.freeze(List.of(next.id()));
        assertThat(ledger.get(next.id()).number()).isEqualTo(3);
        assertThat(ledger.get(next.id()).displayNumber()).isEqualTo("BQ-3");
        // another fiscal year starts again at 1
        years.create(club.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        Entry y2 = post("BQ", LocalDate.of(2026, 1, 2), 10);
        ledger.freeze(List.of(y2.id()));
        assertThat(ledger.get(y2.id()).number()).isEqualTo(1);
    }

    @Test
    void freezingGivesDateAndChainLinkAndIsIdempotent() {
        Entry a = post("BQ", DAY, 100);
        Entry b = post("BQ", DAY, 200);
        ledger.freeze(List.of(a.id()));
        ledger.freeze(List.of(b.id()));
        Entry fa = ledger.get(a.id());
        Entry fb = ledger.get(b.id());
        assertThat(fa.status()).isEqualTo(EntryStatus.FROZEN);
        assertThat(fa.frozenAt()).isNotNull();
        assertThat(fa.previousHash()).isEqualTo(HashChain.GENESIS);
        assertThat(fb.previousHash()).isEqualTo(fa.hash());
        assertThat(fb.chainSeq()).isEqualTo(fa.chainSeq() + 1);
        assertThat(HashChain.recompute(fb)).isEqualTo(fb.hash());
        FreezeReport again = ledger.freeze(List.of(a.id(), b.id()));
        assertThat(again.frozen()).isEmpty();
        assertThat(again.alreadyFrozen()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(ledger.get(a.id()).hash()).isEqualTo(fa.hash());
        assertThat(chain.verify(club.id()).intact()).isTrue();
        assertThat(chain.verify(club.id()).linksChecked()).isEqualTo(2);
    }

    @Test
    void freezingADraftPostsIt() {
        Entry d = ledger.saveDraft(new EntryDraft(club.id(), "OD", DAY, "brouillon", null, null,
                List.of(LineDraft.of(club.bank().id(), 70), LineDraft.of(club.member().id(), -70))));
        ledger.freeze(List.of(d.id()));
        assertThat(ledger.get(d.id()).status()).isEqualTo(EntryStatus.FROZEN);
        assertThat(balances.balanceCents(club.bank().id(), DAY)).isEqualTo(70);
    }

    @Test
    void aPostedEntryIsValidatedAfterItsAccountClosedButADraftIsNot() {
        Entry paid = post("BQ", DAY, 100);
        Entry refunded = post("BQ", DAY.plusDays(1), -100);
        Entry draft = ledger.saveDraft(new EntryDraft(club.id(), "OD", DAY, "brouillon", null, null,
                List.of(LineDraft.of(club.bank().id(), 70), LineDraft.of(club.member().id(), -70))));
        accounts.update(club.member().id(), club.member().label(), false);
        assertThatThrownBy(() -> ledger.freeze(List.of(paid.id(), refunded.id(), draft.id())))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.has(RejectionCode.LINE_ACCOUNT_CLOSED)).isTrue());
        ledger.freeze(List.of(paid.id(), refunded.id()));
        assertThat(ledger.get(paid.id()).status()).isEqualTo(EntryStatus.FROZEN);
        assertThat(ledger.get(refunded.id()).status()).isEqualTo(EntryStatus.FROZEN);
    }

    @Test
    void nothingFrozenInAClosedYear() {
        Entry a = post("BQ", DAY, 100);
        years.close(club.year().id());
        assertThatThrownBy(() -> ledger.freeze(List.of(a.id()))).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.FISCAL_YEAR_CLOSED)).isTrue());
        assertThat(ledger.get(a.id()).status()).isEqualTo(EntryStatus.POSTED);
    }

    @Test
    void aFrozenEntryCannotBeChangedThroughTheService() {
        Entry a = post("BQ", DAY, 100);
        ledger.freeze(List.of(a.id()));
        EntryDraft other = new EntryDraft(club.id(), "BQ", DAY, "changé", null, null,
                List.of(LineDraft.of(club.bank().id(), 1), LineDraft.of(club.member().id(), -1)));
        assertThatThrownBy(() -> ledger.update(a.id(), other, EntryStatus.POSTED)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.ENTRY_FROZEN)).isTrue());
        assertThatThrownBy(() -> ledger.delete(a.id())).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.ENTRY_FROZEN)).isTrue());
        assertThat(ledger.get(a.id()).label()).isEqualTo("Écriture 100");
    }

    @Test
    void aFrozenEntryCannotBeChangedBySqlFromTheApplication() {
        Entry a = post("BQ", DAY, 100);
        ledger.freeze(List.of(a.id()));
        long id = a.id();
        assertThatThrownBy(() -> jdbc.sql("update entry set label = 'falsifié' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ENVOL_FROZEN");
        assertThatThrownBy(() -> jdbc.sql("delete from entry where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ENVOL_FROZEN");
        assertThatThrownBy(() -> jdbc.sql("update entry_line set amount_cents = 1 where entry_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ENVOL_FROZEN");
        assertThatThrownBy(() -> jdbc.sql("delete from entry_line where entry_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ENVOL_FROZEN");
        assertThatThrownBy(() -> jdbc.sql("insert into entry_line (entry_id, line_no, section_id, account_id, entry_date,"
                + " amount_cents, counted) values (?, 3, ?, ?, ?, 5, true)").params(id, club.id(), club.bank().id(), DAY).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ENVOL_FROZEN");
        assertThat(ledger.get(id).label()).isEqualTo("Écriture 100");
        assertThat(ledger.get(id).lines()).hasSize(2);
        // a posted entry is still editable by the same SQL: the guard is about frozen entries only
        Entry b = post("BQ", DAY, 5);
        assertThat(jdbc.sql("update entry set label = 'ok' where id = ?").param(b.id()).update()).isEqualTo(1);
    }

    @Test
    void theAuditLogIsAppendOnly() {
        post("BQ", DAY, 100);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'x'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ENVOL_AUDIT");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ENVOL_AUDIT");
    }

    @Test
    void reversalPostsTheLinkedCounterEntry() {
        Entry a = post("BQ", DAY, 1_234);
        ledger.freeze(List.of(a.id()));
        Entry r = ledger.reverse(a.id(), DAY.plusDays(1), null);
        assertThat(r.reversalOf()).isEqualTo(a.id());
        assertThat(r.status()).isEqualTo(EntryStatus.POSTED);
        assertThat(r.journalCode()).isEqualTo("BQ");
        assertThat(r.lines()).extracting(Line::amountCents).containsExactly(-1_234L, 1_234L);
        assertThat(r.label()).startsWith("Contre-passation BQ-1");
        assertThat(ledger.reversalOf(a.id())).contains(r.id());
        assertThat(balances.balanceCents(club.bank().id(), DAY)).isEqualTo(1_234);
        assertThat(balances.balanceCents(club.bank().id(), DAY.plusDays(1))).isZero();
        assertThatThrownBy(() -> ledger.reverse(a.id(), DAY, null)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.ENTRY_ALREADY_REVERSED)).isTrue());
        ledger.freeze(List.of(r.id()));
        assertThatThrownBy(() -> ledger.reverse(r.id(), DAY, null)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.ENTRY_IS_REVERSAL)).isTrue());
    }

    @Test
    void onlyAFrozenEntryIsReversedAndIntoAnOpenYear() {
        Entry a = post("BQ", DAY, 100);
        assertThatThrownBy(() -> ledger.reverse(a.id(), DAY, null)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.ENTRY_NOT_FROZEN)).isTrue());
        ledger.freeze(List.of(a.id()));
        assertThatThrownBy(() -> ledger.reverse(a.id(), LocalDate.of(2030, 1, 1), null)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.NO_FISCAL_YEAR)).isTrue());
        assertThat(ledger.reversalOf(a.id())).isEmpty();
    }

    @Test
    void theChainVerifierNamesTheFirstBrokenLink() {
        Entry a = post("BQ", DAY, 100);
        Entry b = post("BQ", DAY, 200);
        Entry c = post("BQ", DAY, 300);
        ledger.freeze(List.of(a.id(), b.id(), c.id()));
        assertThat(chain.verify(club.id()).intact()).isTrue();
        tamper("update entry_line set amount_cents = 999 where entry_id = " + b.id() + " and line_no = 1");
        ChainReport report = chain.verify(club.id());
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenEntryId()).isEqualTo(b.id());
        assertThat(report.brokenNumber()).isEqualTo("BQ-2");
        assertThat(report.linksChecked()).isEqualTo(1);
        assertThat(report.reason()).contains("frozen fields");
    }

    /** Changes a frozen row behind the guard's back, as someone with direct database access could. */
    void tamper(String sql) {
        if (isPostgres()) {
            jdbc.sql("alter table entry_line disable trigger entry_line_frozen_guard").update();
            jdbc.sql(sql).update();
            jdbc.sql("alter table entry_line enable trigger entry_line_frozen_guard").update();
        } else {
            jdbc.sql("drop trigger entry_line_frozen_guard").update();
            jdbc.sql(sql).update();
            jdbc.sql("create trigger entry_line_frozen_guard before update, delete on entry_line for each row call"
                    + " 'org.envol.ledger.H2Guards$FrozenLine'").update();
        }
    }

    boolean isPostgres() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @PostgresTest
    static class OnPostgres extends FreezeAndReverseTest {
    }
}
