package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * sync: the one mechanism behind re-billing, OpenFlyers re-sync, invoice edits and external
 * re-imports. After each step the books say what the source says, with no duplicate.
 */
@SpringBootTest
@WithMockUser(username = "tresorier", authorities = "ROLE_ADMIN")
class SyncTest {

    static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    static final LocalDate TO = LocalDate.of(2025, 3, 31);
    static final String KIND = "flight";

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
    Map<String, EntryDraft> source;

    @BeforeEach
    void setUp() {
        club = books.club(2025);
        source = new LinkedHashMap<>();
        flight("F1", 3, 10_000);
        flight("F2", 5, 7_500);
        flight("F3", 20, 12_345);
    }

    void flight(String ref, int day, long cents) {
        source.put(ref, new EntryDraft(club.id(), "VT", LocalDate.of(2025, 3, day), "Vol " + ref, null, null,
                List.of(LineDraft.of(club.member().id(), cents), LineDraft.of(club.income().id(), -cents))));
    }

    SyncReport sync() {
        return ledger.sync(SyncRequest.of(club.id(), KIND, FROM, TO, source));
    }

    long memberBalance() {
        return balances.balanceCents(club.member().id(), TO);
    }

    long sourceTotal() {
        return source.values().stream().mapToLong(d -> d.lines().get(0).amountCents()).sum();
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where section_id = ?").param(club.id()).query(Long.class).single();
    }

    @Test
    void createsThenChangesNothingWhenRunAgain() {
        SyncReport first = sync();
        assertThat(first.count(SyncOutcome.CREATED)).isEqualTo(3);
        assertThat(first.items()).allMatch(SyncItem::applied);
        assertThat(memberBalance()).isEqualTo(sourceTotal());
        long entries = rows("entry");
        long audit = rows("audit_event");
        SyncReport second = sync();
        assertThat(second.count(SyncOutcome.UNCHANGED)).isEqualTo(3);
        assertThat(second.written()).isZero();
        assertThat(rows("entry")).isEqualTo(entries);
        assertThat(rows("audit_event")).isEqualTo(audit);
        assertThat(memberBalance()).isEqualTo(sourceTotal());
    }

    @Test
    void aChangedSourceReplacesItsEntryInPlace() {
        sync();
        long id = ledger.get(idOf("F2")).id();
        flight("F2", 6, 8_000);
        SyncReport r = sync();
        SyncItem item = item(r, "F2");
        assertThat(item.outcome()).isEqualTo(SyncOutcome.CHANGED);
        assertThat(item.changedFields()).containsExactly("date", "lines");
        assertThat(item.newEntryId()).isEqualTo(id);
        assertThat(ledger.get(id).date()).isEqualTo(LocalDate.of(2025, 3, 6));
        assertThat(memberBalance()).isEqualTo(sourceTotal());
        assertThat(rows("entry")).isEqualTo(3);
    }

    @Test
    void aSourceGoneIsDeletedWithinThePeriodOnly() {
        sync();
        Entry outside = ledger.post(new EntryDraft(club.id(), "VT", LocalDate.of(2025, 4, 2), "Vol avril", null,
                new Source(KIND, "F9"), List.of(LineDraft.of(club.member().id(), 100), LineDraft.of(club.income().id(), -100))));
        source.remove("F1");
        SyncReport r = sync();
        assertThat(item(r, "F1").outcome()).isEqualTo(SyncOutcome.DELETED);
        assertThat(r.items()).extracting(SyncItem::reference).doesNotContain("F9");
        assertThat(ledger.get(outside.id())).isNotNull();
        assertThat(memberBalance()).isEqualTo(sourceTotal());
    }

    @Test
    void aFrozenEntryIsReversedAndPostedAgainNeverDuplicated() {
        sync();
        long f2 = idOf("F2");
        ledger.freeze(List.of(f2));
        flight("F2", 5, 9_000);
        SyncReport r = sync();
        SyncItem item = item(r, "F2");
        assertThat(item.outcome()).isEqualTo(SyncOutcome.REVERSED_AND_REPLACED);
        assertThat(item.reversalId()).isNotNull();
        assertThat(item.newEntryId()).isNotEqualTo(f2);
        assertThat(ledger.get(item.reversalId()).reversalOf()).isEqualTo(f2);
        assertThat(ledger.get(f2).status()).isEqualTo(EntryStatus.FROZEN);
        assertThat(memberBalance()).isEqualTo(sourceTotal());
        // again: the new entry stands for F2, nothing more is written
        SyncReport again = sync();
        assertThat(again.written()).isZero();
        assertThat(memberBalance()).isEqualTo(sourceTotal());
        // the replacement, frozen in turn and changed again, is reversed in turn
        ledger.freeze(List.of(item.newEntryId()));
        flight("F2", 5, 9_500);
        SyncReport third = sync();
        assertThat(item(third, "F2").outcome()).isEqualTo(SyncOutcome.REVERSED_AND_REPLACED);
        assertThat(memberBalance()).isEqualTo(sourceTotal());
    }

    @Test
    void aFrozenEntryGoneFromTheSourceIsReversed() {
        sync();
        long f3 = idOf("F3");
        ledger.freeze(List.of(f3));
        source.remove("F3");
        SyncReport r = sync();
        assertThat(item(r, "F3").outcome()).isEqualTo(SyncOutcome.REVERSED);
        assertThat(memberBalance()).isEqualTo(sourceTotal());
        assertThat(sync().written()).isZero();
        // back in the source: posted again
        flight("F3", 20, 12_345);
        assertThat(item(sync(), "F3").outcome()).isEqualTo(SyncOutcome.CREATED);
        assertThat(memberBalance()).isEqualTo(sourceTotal());
    }

    @Test
    void aSourceEmptiedOfEveryEntryReversesTheFrozenOnesAndDeletesTheOthers() {
        sync();
        ledger.freeze(List.of(idOf("F1")));
        source.clear();
        SyncReport r = sync();
        assertThat(item(r, "F1").outcome()).isEqualTo(SyncOutcome.REVERSED);
        assertThat(item(r, "F2").outcome()).isEqualTo(SyncOutcome.DELETED);
        assertThat(memberBalance()).isZero();
    }

    @Test
    void aDryRunReportsTheSameAndWritesNothing() {
        sync();
        ledger.freeze(List.of(idOf("F1")));
        flight("F1", 3, 1);
        flight("F2", 5, 2);
        source.remove("F3");
        flight("F4", 30, 4);
        long entries = rows("entry");
        long audit = rows("audit_event");
        long balance = memberBalance();
        SyncReport dry = ledger.sync(SyncRequest.of(club.id(), KIND, FROM, TO, source).asDryRun());
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.items()).noneMatch(SyncItem::applied);
        assertThat(rows("entry")).isEqualTo(entries);
        assertThat(rows("audit_event")).isEqualTo(audit);
        assertThat(memberBalance()).isEqualTo(balance);
        SyncReport real = sync();
        assertThat(real.items()).extracting(SyncItem::reference, SyncItem::outcome)
                .containsExactlyElementsOf(dry.items().stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.reference(), i.outcome())).toList());
        assertThat(memberBalance()).isEqualTo(sourceTotal());
    }

    @Test
    void onlyTheSelectedReferencesAreApplied() {
        SyncReport r = ledger.sync(SyncRequest.of(club.id(), KIND, FROM, TO, source).only(Set.of("F1", "F3")));
        assertThat(r.items()).filteredOn(SyncItem::applied).extracting(SyncItem::reference).containsExactlyInAnyOrder("F1", "F3");
        assertThat(rows("entry")).isEqualTo(2);
        assertThat(item(sync(), "F2").outcome()).isEqualTo(SyncOutcome.CREATED);
    }

    @Test
    void badDraftsStopTheSyncWithTheirReferenceAndTheDryRunListsThem() {
        source.put("F5", new EntryDraft(club.id(), "VT", LocalDate.of(2025, 4, 1), "Vol F5", null, null,
                List.of(LineDraft.of(club.member().id(), 1), LineDraft.of(club.income().id(), -1))));
        source.put("F6", new EntryDraft(club.id(), "VT", LocalDate.of(2025, 3, 9), "Vol F6", null, null,
                List.of(LineDraft.of(club.member().id(), 1), LineDraft.of(club.income().id(), -2))));
        assertThatThrownBy(this::sync).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.rejections()).extracting(Rejection::reference, Rejection::code).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("F5", RejectionCode.SYNC_OUTSIDE_PERIOD),
                    org.assertj.core.groups.Tuple.tuple("F6", RejectionCode.UNBALANCED));
        });
        assertThat(rows("entry")).isZero();
        SyncReport dry = ledger.sync(SyncRequest.of(club.id(), KIND, FROM, TO, source).asDryRun());
        assertThat(dry.rejections()).hasSize(2);
        assertThat(dry.count(SyncOutcome.CREATED)).isEqualTo(3);
        // not selected, they do not block the others
        SyncReport partial = ledger.sync(SyncRequest.of(club.id(), KIND, FROM, TO, source).only(Set.of("F1", "F2", "F3")));
        assertThat(partial.count(SyncOutcome.CREATED)).isEqualTo(3);
    }

    @Test
    void draftsForAnotherSectionOrSourceAreRefused() {
        Club other = books.club(2025);
        source.put("X", new EntryDraft(other.id(), "VT", LocalDate.of(2025, 3, 9), "Vol X", null, null,
                List.of(LineDraft.of(other.member().id(), 1), LineDraft.of(other.income().id(), -1))));
        assertThatThrownBy(this::sync).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.SYNC_WRONG_SECTION)).isTrue());
        assertThatThrownBy(() -> ledger.sync(SyncRequest.of(club.id(), Source.MANUAL, FROM, TO, Map.of())))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.has(RejectionCode.SOURCE_KIND_RESERVED)).isTrue());
        assertThatThrownBy(() -> ledger.sync(SyncRequest.of(club.id(), KIND, TO, FROM, Map.of())))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.has(RejectionCode.SYNC_PERIOD_INVALID)).isTrue());
    }

    @Test
    void aManualReversalLetsTheSourcePostAgain() {
        sync();
        long f1 = idOf("F1");
        ledger.freeze(List.of(f1));
        ledger.reverse(f1, null, null);
        assertThat(memberBalance()).isEqualTo(sourceTotal() - 10_000);
        assertThat(item(sync(), "F1").outcome()).isEqualTo(SyncOutcome.CREATED);
        assertThat(memberBalance()).isEqualTo(sourceTotal());
    }

    @Test
    void aFrozenEntryInAClosedYearCannotBeUndone() {
        sync();
        ledger.freeze(List.of(idOf("F1")));
        source.remove("F1");
        years.close(club.year().id());
        assertThatThrownBy(this::sync).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.has(RejectionCode.SYNC_CLOSED_YEAR)).isTrue());
    }

    long idOf(String ref) {
        return jdbc.sql("select entry_id from entry_source where section_id = ? and kind = ? and reference = ?")
                .params(club.id(), KIND, ref).query(Long.class).single();
    }

    static SyncItem item(SyncReport r, String ref) {
        return r.items().stream().filter(i -> i.reference().equals(ref)).findFirst().orElseThrow();
    }

    @PostgresTest
    static class OnPostgres extends SyncTest {
    }
}
