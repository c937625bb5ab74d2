package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Each rule of an entry: accepted at its boundary, rejected past it, and nothing written when rejected. */
@SpringBootTest
@WithMockUser(username = "tresorier", authorities = "ROLE_ADMIN")
class LedgerRulesTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 15);

    @Autowired
    LedgerService ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    FiscalYearService years;
    @Autowired
    BalanceService balances;
    @Autowired
    JournalService journals;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;

    Club club;

    @BeforeEach
    void setUp() {
        club = books.club(2025);
    }

    long entries() {
        return jdbc.sql("select count(*) from entry where section_id = ?").param(club.id()).query(Long.class).single();
    }

    EntryDraft draft(String journal, LocalDate date, String label, List<LineDraft> lines) {
        return EntryDraft.manual(club.id(), journal, date, label, null, lines);
    }

    List<LineDraft> pair(long cents) {
        return List.of(LineDraft.of(club.bank().id(), cents), LineDraft.of(club.member().id(), -cents));
    }

    void assertRejected(EntryDraft d, RejectionCode code) {
        long before = entries();
        assertThatThrownBy(() -> ledger.post(d)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.rejections()).extracting(Rejection::code).contains(code));
        assertThat(entries()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aBalancedEntryIsPostedAndCounted() {
        Entry e = ledger.post(draft("BQ", DAY, "Règlement Dupont", pair(12_050)));
        assertThat(e.status()).isEqualTo(EntryStatus.POSTED);
        assertThat(e.lines()).hasSize(2);
        assertThat(e.source().kind()).isEqualTo(Source.MANUAL);
        assertThat(balances.balanceCents(club.bank().id(), DAY)).isEqualTo(12_050);
        assertThat(balances.balanceCents(club.member().id(), DAY)).isEqualTo(-12_050);
        assertThat(balances.balanceCents(club.bank().id(), DAY.minusDays(1))).isZero();
    }

    @Test
    void unbalanced() {
        assertRejected(draft("BQ", DAY, "x", List.of(LineDraft.of(club.bank().id(), 100), LineDraft.of(club.member().id(), -99))),
                RejectionCode.UNBALANCED);
    }

    @Test
    void atLeastTwoLines() {
        assertRejected(draft("BQ", DAY, "x", List.of(LineDraft.of(club.bank().id(), 100))), RejectionCode.TOO_FEW_LINES);
        assertRejected(draft("BQ", DAY, "x", List.of()), RejectionCode.TOO_FEW_LINES);
    }

    @Test
    void atMostTheLimitOfLines() {
        List<LineDraft> atLimit = new ArrayList<>();
        for (int i = 0; i < Limits.LINES_PER_ENTRY_MAX - 1; i++) {
            atLimit.add(LineDraft.of(club.bank().id(), 1));
        }
        atLimit.add(LineDraft.of(club.member().id(), -(Limits.LINES_PER_ENTRY_MAX - 1)));
        assertThat(ledger.post(draft("OD", DAY, "limite", atLimit)).lines()).hasSize(Limits.LINES_PER_ENTRY_MAX);
        List<LineDraft> past = new ArrayList<>(atLimit.subList(0, atLimit.size() - 1));
        past.add(LineDraft.of(club.bank().id(), 1));
        past.add(LineDraft.of(club.member().id(), -Limits.LINES_PER_ENTRY_MAX));
        assertRejected(draft("OD", DAY, "au-delà", past), RejectionCode.TOO_MANY_LINES);
    }

    @Test
    void noZeroLine() {
        assertRejected(draft("BQ", DAY, "x", List.of(LineDraft.of(club.bank().id(), 100), LineDraft.of(club.member().id(), -100),
                LineDraft.of(club.income().id(), 0))), RejectionCode.LINE_ZERO);
    }

    @Test
    void amountsAtTheLimitAndPast() {
        assertThat(ledger.post(draft("OD", DAY, "max", pair(Limits.AMOUNT_MAX_CENTS)))).isNotNull();
        assertRejected(draft("OD", DAY, "trop", pair(Limits.AMOUNT_MAX_CENTS + 1)), RejectionCode.LINE_AMOUNT_TOO_LARGE);
        assertRejected(draft("OD", DAY, "min", List.of(LineDraft.of(club.bank().id(), Long.MIN_VALUE),
                LineDraft.of(club.member().id(), Long.MIN_VALUE))), RejectionCode.LINE_AMOUNT_TOO_LARGE);
    }

    @Test
    void labelPresentAndNotTooLong() {
        assertRejected(draft("BQ", DAY, " ", pair(100)), RejectionCode.LABEL_MISSING);
        assertRejected(draft("BQ", DAY, null, pair(100)), RejectionCode.LABEL_MISSING);
        assertThat(ledger.post(draft("BQ", DAY, "x".repeat(Limits.LABEL_MAX), pair(100)))).isNotNull();
        assertRejected(draft("BQ", DAY, "x".repeat(Limits.LABEL_MAX + 1), pair(100)), RejectionCode.LABEL_TOO_LONG);
    }

    @Test
    void voucherAndLineTextsWithinLimits() {
        assertRejected(EntryDraft.manual(club.id(), "BQ", DAY, "x", "v".repeat(Limits.VOUCHER_MAX + 1), pair(100)),
                RejectionCode.VOUCHER_TOO_LONG);
        assertRejected(draft("BQ", DAY, "x", List.of(new LineDraft(club.bank().id(), 100, "l".repeat(Limits.LABEL_MAX + 1), null),
                LineDraft.of(club.member().id(), -100))), RejectionCode.LINE_LABEL_TOO_LONG);
        assertRejected(draft("BQ", DAY, "x", List.of(new LineDraft(club.bank().id(), 100, null, "a".repeat(Limits.ANALYTIC_MAX + 1)),
                LineDraft.of(club.member().id(), -100))), RejectionCode.LINE_ANALYTIC_TOO_LONG);
    }

    @Test
    void dateAndJournalRequired() {
        assertRejected(draft("BQ", null, "x", pair(100)), RejectionCode.DATE_MISSING);
        assertRejected(draft("ZZ", DAY, "x", pair(100)), RejectionCode.JOURNAL_UNKNOWN);
        assertRejected(draft(null, DAY, "x", pair(100)), RejectionCode.JOURNAL_UNKNOWN);
    }

    @Test
    void closedJournalTakesNothing() {
        Journal j = journals.add("B" + (System.nanoTime() % 100000), "Banque 2");
        journals.update(j.code(), j.label(), false);
        assertRejected(draft(j.code(), DAY, "x", pair(100)), RejectionCode.JOURNAL_INACTIVE);
    }

    @Test
    void everyAccountKnownInTheSectionAndActive() {
        assertRejected(draft("BQ", DAY, "x", List.of(LineDraft.of(club.bank().id(), 100), new LineDraft(null, -100, null, null))),
                RejectionCode.LINE_ACCOUNT_MISSING);
        assertRejected(draft("BQ", DAY, "x", List.of(LineDraft.of(club.bank().id(), 100), LineDraft.of(999_999_999L, -100))),
                RejectionCode.LINE_ACCOUNT_UNKNOWN);
        Club other = books.club(2025);
        assertRejected(draft("BQ", DAY, "x", List.of(LineDraft.of(club.bank().id(), 100), LineDraft.of(other.member().id(), -100))),
                RejectionCode.LINE_ACCOUNT_OTHER_SECTION);
        accounts.update(club.member().id(), club.member().label(), false);
        assertRejected(draft("BQ", DAY, "x", pair(100)), RejectionCode.LINE_ACCOUNT_CLOSED);
    }

    @Test
    void anAccountWithABalanceCannotBeClosedUntilSettled() {
        ledger.post(draft("BQ", DAY, "Règlement", pair(2_500)));
        assertThatThrownBy(() -> accounts.update(club.member().id(), club.member().label(), false))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.has(RejectionCode.ACCOUNT_BALANCE_NOT_ZERO)).isTrue());
        assertThat(accounts.get(club.member().id()).active()).isTrue();
        ledger.post(draft("BQ", DAY, "Remboursement", pair(-2_500)));
        assertThat(accounts.update(club.member().id(), club.member().label(), false).active()).isFalse();
    }

    @Test
    void dateInsideAnOpenFiscalYear() {
        ledger.post(draft("BQ", LocalDate.of(2025, 1, 1), "premier jour", pair(100)));
        ledger.post(draft("BQ", LocalDate.of(2025, 12, 31), "dernier jour", pair(100)));
        assertRejected(draft("BQ", LocalDate.of(2024, 12, 31), "veille", pair(100)), RejectionCode.NO_FISCAL_YEAR);
        assertRejected(draft("BQ", LocalDate.of(2026, 1, 1), "lendemain", pair(100)), RejectionCode.NO_FISCAL_YEAR);
        years.close(club.year().id());
        assertRejected(draft("BQ", DAY, "clos", pair(100)), RejectionCode.FISCAL_YEAR_CLOSED);
    }

    @Test
    void unknownSection() {
        assertRejected(EntryDraft.manual(987_654_321L, "BQ", DAY, "x", null, pair(100)), RejectionCode.SECTION_UNKNOWN);
    }

    @Test
    void sourceUniquePerSection() {
        Source flight = new Source("flight", "F-1");
        ledger.post(new EntryDraft(club.id(), "VT", DAY, "Vol", null, flight, pair(100)));
        assertRejected(new EntryDraft(club.id(), "VT", DAY, "Vol bis", null, flight, pair(100)), RejectionCode.SOURCE_TAKEN);
        Club other = books.club(2025);
        assertThat(ledger.post(new EntryDraft(other.id(), "VT", DAY, "Vol", null, flight,
                List.of(LineDraft.of(other.bank().id(), 100), LineDraft.of(other.member().id(), -100))))).isNotNull();
        assertRejected(new EntryDraft(club.id(), "VT", DAY, "x", null, new Source(Source.REVERSAL, "1"), pair(100)),
                RejectionCode.SOURCE_KIND_RESERVED);
    }

    @Test
    void allProblemsOfADraftAreReportedTogetherInOrder() {
        RejectedException e = org.junit.jupiter.api.Assertions.assertThrows(RejectedException.class,
                () -> ledger.post(draft("BQ", DAY, "", List.of(LineDraft.of(club.bank().id(), 100), LineDraft.of(club.member().id(), 0)))));
        assertThat(e.rejections()).extracting(Rejection::code)
                .containsExactly(RejectionCode.LABEL_MISSING, RejectionCode.LINE_ZERO, RejectionCode.UNBALANCED);
        assertThat(e.rejections().get(1).lineNo()).isEqualTo(2);
    }

    @Test
    void aBatchIsAllOrNothing() {
        long before = entries();
        assertThatThrownBy(() -> ledger.postAll(List.of(draft("BQ", DAY, "bon", pair(100)), draft("BQ", DAY, "mauvais",
                List.of(LineDraft.of(club.bank().id(), 1), LineDraft.of(club.member().id(), -2))))))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.rejections().get(0).reference()).isEqualTo("2"));
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void draftsAreNotCountedUntilPosted() {
        Entry d = ledger.saveDraft(draft("BQ", DAY, "brouillon", pair(500)));
        assertThat(d.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(balances.balanceCents(club.bank().id(), DAY)).isZero();
        ledger.postDraft(d.id());
        assertThat(balances.balanceCents(club.bank().id(), DAY)).isEqualTo(500);
        assertThatThrownBy(() -> ledger.postDraft(d.id())).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.ENTRY_NOT_DRAFT)).isTrue());
    }

    @Test
    void aDraftIsCheckedAgainWhenPosted() {
        Entry d = ledger.saveDraft(draft("BQ", DAY, "brouillon", pair(500)));
        accounts.update(club.bank().id(), club.bank().label(), false);
        assertThatThrownBy(() -> ledger.postDraft(d.id())).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.LINE_ACCOUNT_CLOSED)).isTrue());
        assertThat(ledger.get(d.id()).status()).isEqualTo(EntryStatus.DRAFT);
    }

    @Test
    void aPostedEntryCanBeUpdatedAndDeletedAndBalancesFollow() {
        Entry e = ledger.post(draft("BQ", DAY, "Règlement", pair(1_000)));
        Entry changed = ledger.update(e.id(), draft("BQ", DAY.plusMonths(2), "Règlement corrigé", pair(1_500)), EntryStatus.POSTED);
        assertThat(changed.id()).isEqualTo(e.id());
        assertThat(changed.label()).isEqualTo("Règlement corrigé");
        assertThat(balances.balanceCents(club.bank().id(), DAY)).isZero();
        assertThat(balances.balanceCents(club.bank().id(), DAY.plusMonths(2))).isEqualTo(1_500);
        ledger.delete(e.id());
        assertThat(balances.balanceCents(club.bank().id(), LocalDate.of(2025, 12, 31))).isZero();
        assertThatThrownBy(() -> ledger.get(e.id())).isInstanceOfSatisfying(RejectedException.class,
                x -> assertThat(x.has(RejectionCode.ENTRY_UNKNOWN)).isTrue());
    }

    @Test
    void anUpdateIsCheckedLikeANewEntry() {
        Entry e = ledger.post(draft("BQ", DAY, "Règlement", pair(1_000)));
        assertThatThrownBy(() -> ledger.update(e.id(), draft("BQ", DAY, "x",
                List.of(LineDraft.of(club.bank().id(), 1), LineDraft.of(club.member().id(), -2))), EntryStatus.POSTED))
                .isInstanceOfSatisfying(RejectedException.class, x -> assertThat(x.has(RejectionCode.UNBALANCED)).isTrue());
        assertThat(ledger.get(e.id()).lines()).extracting(Line::amountCents).containsExactly(1_000L, -1_000L);
    }

    @Test
    void checkReportsWithoutWriting() {
        long before = entries();
        assertThat(ledger.check(draft("BQ", DAY, "ok", pair(100)))).isEmpty();
        assertThat(ledger.check(draft("BQ", DAY, "", pair(100)))).extracting(Rejection::code).containsExactly(RejectionCode.LABEL_MISSING);
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void everyWriteIsInTheAuditLog() {
        Entry e = ledger.post(draft("BQ", DAY, "Audité", pair(100)));
        ledger.update(e.id(), draft("BQ", DAY, "Audité 2", pair(200)), EntryStatus.POSTED);
        var rows = jdbc.sql("select action, actor, before_value, after_value from audit_event where object_type = 'entry' and object_id = ?"
                + " order by id").param(Long.toString(e.id())).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)}).list();
        assertThat(rows).extracting(r -> r[0]).containsExactly("POST", "UPDATE");
        assertThat(rows.get(0)[1]).isEqualTo("tresorier");
        assertThat(rows.get(1)[2]).contains("Audité").doesNotContain("Audité 2");
        assertThat(rows.get(1)[3]).contains("Audité 2");
    }

    @Test
    void theSystemActorIsNamedInTheAuditLog() {
        SystemActor.run("import-nuit", () -> ledger.post(draft("BQ", DAY, "Nuit", pair(100))));
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'import-nuit'").query(Long.class).single()).isEqualTo(1);
    }

    @PostgresTest
    static class OnPostgres extends LedgerRulesTest {
    }
}
