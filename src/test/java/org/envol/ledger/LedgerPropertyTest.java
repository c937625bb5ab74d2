package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Random valid and invalid operations (seeded, so a failure replays) against the ledger and an
 * in-memory reference model of a few dozen lines. After every step: all lines sum to zero, the
 * trial balance equals the sum of account balances, the model agrees with the books, the monthly
 * totals agree with the lines, and an invalid operation changed nothing.
 */
@SpringBootTest
@WithMockUser(username = "proprietes", authorities = "ROLE_ADMIN")
class LedgerPropertyTest {

    static final int STEPS = 250;
    static final LocalDate START = LocalDate.of(2025, 1, 1);

    @Autowired
    LedgerService ledger;
    @Autowired
    BalanceService balances;
    @Autowired
    AccountService accounts;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;

    /** The reference model: entry id → (date, lines by account, counted, frozen, source ref). */
    record ModelEntry(LocalDate date, Map<Long, Long> amounts, boolean counted, boolean frozen, String ref) {
    }

    @Test
    void randomOperationsKeepTheBooksRight() {
        for (long seed : new long[] {1L, 20251122L}) {
            run(seed);
        }
    }

    void run(long seed) {
        Random random = new Random(seed);
        Club club = books.club(2025);
        Club other = books.club(2025);
        List<Account> own = new ArrayList<>(List.of(club.bank(), club.member(), club.income(), club.expense()));
        own.add(accounts.create(club.id(), "530", "Caisse"));
        own.add(accounts.create(club.id(), "401", "Fournisseur"));
        Account closed = accounts.create(club.id(), "467", "Compte fermé");
        accounts.update(closed.id(), closed.label(), false);
        Map<Long, ModelEntry> model = new LinkedHashMap<>();
        Map<String, EntryDraft> source = new LinkedHashMap<>();
        LocalDate from = START;
        LocalDate to = LocalDate.of(2025, 12, 31);

        for (int step = 0; step < STEPS; step++) {
            String where = "seed " + seed + " step " + step;
            int op = random.nextInt(100);
            Snapshot before = snapshot(club);
            boolean mustBeRejected = false;
            try {
                if (op < 35) { // a valid entry, posted or draft
                    EntryDraft d = validDraft(random, club, own);
                    boolean draft = random.nextInt(5) == 0;
                    Entry e = draft ? ledger.saveDraft(d) : ledger.post(d);
                    model.put(e.id(), new ModelEntry(d.date(), amounts(d), !draft, false, null));
                } else if (op < 50) { // an invalid entry
                    mustBeRejected = true;
                    ledger.post(invalidDraft(random, club, other, own, closed));
                } else if (op < 58 && !model.isEmpty()) { // update or delete an entry
                    Long id = pick(random, model);
                    ModelEntry m = model.get(id);
                    mustBeRejected = m.frozen();
                    if (m.ref() != null) {
                        continue; // sourced entries change through sync
                    }
                    if (random.nextBoolean()) {
                        EntryDraft d = validDraft(random, club, own);
                        ledger.update(id, d, EntryStatus.POSTED);
                        model.put(id, new ModelEntry(d.date(), amounts(d), true, false, null));
                    } else {
                        ledger.delete(id);
                        model.remove(id);
                    }
                } else if (op < 68 && !model.isEmpty()) { // freeze a few
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        ids.add(pick(random, model));
                    }
                    ledger.freeze(ids);
                    for (Long id : ids) {
                        ModelEntry m = model.get(id);
                        model.put(id, new ModelEntry(m.date(), m.amounts(), true, true, m.ref()));
                    }
                } else if (op < 76 && !model.isEmpty()) { // reverse a frozen one (rejected if not frozen or already reversed)
                    Long id = pick(random, model);
                    ModelEntry m = model.get(id);
                    boolean reversible = m.frozen() && ledger.reversalOf(id).isEmpty()
                            && ledger.get(id).reversalOf() == null;
                    mustBeRejected = !reversible;
                    Entry r = ledger.reverse(id, null, null);
                    Map<Long, Long> negated = new HashMap<>();
                    m.amounts().forEach((a, v) -> negated.put(a, -v));
                    model.put(r.id(), new ModelEntry(r.date(), negated, true, false, null));
                    if (m.ref() != null) {
                        source.remove(m.ref()); // a reversed entry no longer stands for its source
                        model.put(id, new ModelEntry(m.date(), m.amounts(), true, true, null));
                    }
                } else { // sync: add, change or drop a source reference, then sync the year
                    String ref = "R" + random.nextInt(12);
                    if (source.containsKey(ref) && random.nextInt(3) == 0) {
                        source.remove(ref);
                    } else {
                        source.put(ref, validDraft(random, club, own));
                    }
                    SyncReport report = ledger.sync(SyncRequest.of(club.id(), "prop", from, to, source));
                    applySync(model, source, report);
                }
                assertThat(mustBeRejected).as(where + ": should have been rejected").isFalse();
            } catch (RejectedException e) {
                assertThat(mustBeRejected).as(where + ": unexpected rejection " + e.getMessage()).isTrue();
                assertThat(snapshot(club)).as(where + ": a rejected operation changed nothing").isEqualTo(before);
            }
            checkInvariants(where, club, model);
        }
    }

    void applySync(Map<Long, ModelEntry> model, Map<String, EntryDraft> source, SyncReport report) {
        for (SyncItem item : report.items()) {
            switch (item.outcome()) {
                case CREATED, CHANGED -> {
                    EntryDraft d = source.get(item.reference());
                    model.put(item.newEntryId(), new ModelEntry(d.date(), amounts(d), true, false, item.reference()));
                }
                case DELETED -> model.remove(item.entryId());
                case REVERSED, REVERSED_AND_REPLACED -> {
                    ModelEntry old = model.get(item.entryId());
                    model.put(item.entryId(), new ModelEntry(old.date(), old.amounts(), true, true, null));
                    Map<Long, Long> negated = new HashMap<>();
                    old.amounts().forEach((a, v) -> negated.put(a, -v));
                    model.put(item.reversalId(), new ModelEntry(ledger.get(item.reversalId()).date(), negated, true, false, null));
                    if (item.outcome() == SyncOutcome.REVERSED_AND_REPLACED) {
                        EntryDraft d = source.get(item.reference());
                        model.put(item.newEntryId(), new ModelEntry(d.date(), amounts(d), true, false, item.reference()));
                    }
                }
                case UNCHANGED -> {
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    void checkInvariants(String where, Club club, Map<Long, ModelEntry> model) {
        LocalDate end = LocalDate.of(2025, 12, 31);
        long sum = jdbc.sql("select coalesce(sum(amount_cents), 0) from entry_line where section_id = ? and counted")
                .param(club.id()).query(Long.class).single();
        assertThat(sum).as(where + ": all counted lines sum to zero").isZero();
        TrialBalance tb = balances.trialBalance(club.id(), START, end);
        assertThat(tb.balanced()).as(where).isTrue();
        Map<Long, Long> expected = new HashMap<>();
        for (ModelEntry m : model.values()) {
            if (m.counted()) {
                m.amounts().forEach((a, v) -> expected.merge(a, v, Long::sum));
            }
        }
        Map<Long, Long> actual = balances.accountBalances(club.id(), end);
        for (TrialBalance.Row r : tb.rows()) {
            assertThat(r.closingCents()).as(where + ": trial balance row = account balance").isEqualTo(actual.getOrDefault(r.account().id(), 0L));
        }
        expected.values().removeIf(v -> v == 0);
        Map<Long, Long> nonZero = new HashMap<>(actual);
        nonZero.values().removeIf(v -> v == 0);
        assertThat(nonZero).as(where + ": the books agree with the reference model").isEqualTo(expected);
        long monthly = jdbc.sql("select coalesce(sum(debit_cents), 0) from account_month where section_id = ?").param(club.id())
                .query(Long.class).single();
        long debits = jdbc.sql("select coalesce(sum(amount_cents), 0) from entry_line where section_id = ? and counted and amount_cents > 0")
                .param(club.id()).query(Long.class).single();
        assertThat(monthly).as(where + ": monthly totals agree with the lines").isEqualTo(debits);
        assertThat(jdbc.sql("select count(*) from entry where section_id = ?").param(club.id()).query(Long.class).single())
                .as(where + ": entry count").isEqualTo(model.size());
    }

    record Snapshot(long entries, long lines, long debits, long months, String statuses) {
    }

    Snapshot snapshot(Club club) {
        return new Snapshot(
                jdbc.sql("select count(*) from entry where section_id = ?").param(club.id()).query(Long.class).single(),
                jdbc.sql("select count(*) from entry_line where section_id = ?").param(club.id()).query(Long.class).single(),
                jdbc.sql("select coalesce(sum(debit_cents), 0) from account_month where section_id = ?").param(club.id()).query(Long.class).single(),
                jdbc.sql("select count(*) from account_month where section_id = ?").param(club.id()).query(Long.class).single(),
                String.join(",", jdbc.sql("select status from entry where section_id = ? order by id").param(club.id()).query(String.class).list()));
    }

    static Long pick(Random random, Map<Long, ModelEntry> model) {
        List<Long> ids = new ArrayList<>(model.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    static Map<Long, Long> amounts(EntryDraft d) {
        Map<Long, Long> out = new HashMap<>();
        d.lines().forEach(l -> out.merge(l.accountId(), l.amountCents(), Long::sum));
        return out;
    }

    static EntryDraft validDraft(Random random, Club club, List<Account> own) {
        LocalDate date = START.plusDays(random.nextInt(365));
        int n = 2 + random.nextInt(3);
        List<LineDraft> lines = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n - 1; i++) {
            long cents = (1 + random.nextInt(50_000)) * (random.nextBoolean() ? 1 : -1);
            lines.add(LineDraft.of(own.get(random.nextInt(own.size())).id(), cents));
            total += cents;
        }
        if (total == 0) {
            lines.add(LineDraft.of(own.get(0).id(), 1));
            total = 1;
        }
        lines.add(LineDraft.of(own.get(random.nextInt(own.size())).id(), -total));
        return EntryDraft.manual(club.id(), random.nextBoolean() ? "OD" : "BQ", date, "op " + random.nextInt(1000), null, lines);
    }

    static EntryDraft invalidDraft(Random random, Club club, Club other, List<Account> own, Account closed) {
        EntryDraft ok = validDraft(random, club, own);
        List<LineDraft> lines = new ArrayList<>(ok.lines());
        switch (random.nextInt(6)) {
            case 0 -> lines.set(0, LineDraft.of(lines.get(0).accountId(), lines.get(0).amountCents() + 1)); // unbalanced
            case 1 -> lines.set(0, LineDraft.of(other.bank().id(), lines.get(0).amountCents()));        // other section
            case 2 -> lines.set(0, LineDraft.of(closed.id(), lines.get(0).amountCents()));              // closed account
            case 3 -> {
                return EntryDraft.manual(club.id(), "OD", LocalDate.of(2026, 2, 1), "hors exercice", null, lines);
            }
            case 4 -> {
                return EntryDraft.manual(club.id(), "OD", ok.date(), "", null, lines);
            }
            default -> {
                lines.add(LineDraft.of(own.get(0).id(), 0)); // zero line
            }
        }
        return EntryDraft.manual(club.id(), ok.journalCode(), ok.date(), ok.label(), null, lines);
    }

    @PostgresTest
    static class OnPostgres extends LedgerPropertyTest {
    }
}
