package org.envol.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.envol.ledger.EntryDraft;
import org.junit.jupiter.api.Test;

class LedgerGeneratorTest {

    static final LocalDate START = LocalDate.of(2021, 1, 1);

    static BenchBooks books() {
        List<BenchBooks.Member> members = LongStream.rangeClosed(1, 300).mapToObj(i -> new BenchBooks.Member(i, "Membre " + i)).toList();
        List<BenchBooks.Aircraft> aircraft = List.of(new BenchBooks.Aircraft("F-GABC", 1001, 15_000),
                new BenchBooks.Aircraft("F-GDEF", 1002, 18_000));
        List<BenchBooks.Supplier> suppliers = List.of(new BenchBooks.Supplier("Carburant", 2001, 3001, 450_000),
                new BenchBooks.Supplier("Atelier", 2002, 3002, 600_000));
        return new BenchBooks(7, START, 5, members, 4001, 4002, aircraft, 5001, 5002, 5003, suppliers, List.of(6001L, 6002L, 6003L));
    }

    static List<EntryDraft> all(LedgerGenerator generator) {
        List<EntryDraft> out = new ArrayList<>();
        generator.forEachRemaining(out::addAll);
        return out;
    }

    @Test
    void theSameSeedGivesTheSameLedgerAndAnotherSeedAnother() {
        assertThat(all(new LedgerGenerator(books(), 42, 3_000, 500))).isEqualTo(all(new LedgerGenerator(books(), 42, 3_000, 700)));
        assertThat(all(new LedgerGenerator(books(), 42, 3_000, 500))).isNotEqualTo(all(new LedgerGenerator(books(), 43, 3_000, 500)));
    }

    @Test
    void handsOutBatchesOfBalancedEntriesInDateOrderOverTheFiveYears() {
        LedgerGenerator generator = new LedgerGenerator(books(), 1, 10_001, 1_000);
        List<Integer> sizes = new ArrayList<>();
        List<EntryDraft> drafts = new ArrayList<>();
        generator.forEachRemaining(batch -> {
            sizes.add(batch.size());
            drafts.addAll(batch);
        });
        assertThat(sizes).hasSize(11).allMatch(n -> n <= 1_000);
        assertThat(drafts).hasSize(10_001).allMatch(d -> d.imbalanceCents() == 0 && d.lines().size() >= 2 && d.sectionId() == 7)
                .allMatch(d -> d.lines().stream().allMatch(l -> l.amountCents() != 0));
        assertThat(drafts.get(0).date()).isEqualTo(START);
        assertThat(drafts.get(drafts.size() - 1).date()).isEqualTo(START.plusYears(5).minusDays(1));
        for (int i = 1; i < drafts.size(); i++) {
            assertThat(drafts.get(i).date()).isAfterOrEqualTo(drafts.get(i - 1).date());
        }
    }

    @Test
    void mixesFlightsPaymentsAndInvoicesLikeAClubWithAbout2point3LinesAnEntry() {
        List<EntryDraft> drafts = all(new LedgerGenerator(books(), 42, 50_000, 5_000));
        Map<String, Integer> byJournal = new HashMap<>();
        Set<String> sources = new HashSet<>();
        long lines = 0;
        for (EntryDraft d : drafts) {
            byJournal.merge(d.journalCode(), 1, Integer::sum);
            lines += d.lines().size();
            if (d.source() != null) {
                assertThat(sources.add(d.source().kind() + "|" + d.source().reference())).as("unique source").isTrue();
            }
        }
        assertThat((double) lines / drafts.size()).isBetween(2.25, 2.45);
        long flights = drafts.stream().filter(d -> d.source() != null && d.source().kind().equals("flight")).count();
        long invoices = drafts.stream().filter(d -> d.source() != null && d.source().kind().equals("invoice")).count();
        assertThat(flights / 50_000.0).isBetween(0.55, 0.61);
        assertThat(invoices / 50_000.0).isBetween(0.08, 0.10);
        // a flight bills the member (411 debit) for the aircraft (7061 credit), plus instruction for some
        EntryDraft flight = drafts.stream().filter(d -> d.source() != null && d.source().kind().equals("flight")).findFirst().orElseThrow();
        assertThat(flight.lines().get(0).accountId()).isBetween(1L, 300L);
        assertThat(flight.lines().get(0).amountCents()).isPositive();
        assertThat(flight.lines().get(1).accountId()).isIn(1001L, 1002L);
        // a supplier invoice: expense and deductible VAT (20 %) debit, supplier credit
        EntryDraft invoice = drafts.stream().filter(d -> d.source() != null && d.source().kind().equals("invoice")
                && d.lines().size() == 3).findFirst().orElseThrow();
        long net = invoice.lines().get(0).amountCents();
        assertThat(invoice.lines().get(1)).satisfies(vat -> {
            assertThat(vat.accountId()).isEqualTo(5003L);
            assertThat(vat.amountCents()).isEqualTo(Math.round(net * 0.2));
        });
        assertThat(invoice.lines().get(2).accountId()).isIn(2001L, 2002L);
        assertThat(byJournal.keySet()).containsExactlyInAnyOrder("VT", "BQ", "AC", "CA");
    }
}
