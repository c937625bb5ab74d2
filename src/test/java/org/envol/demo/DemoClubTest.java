package org.envol.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.ChainVerifier;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntryPage;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.EntryStatus;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Line;
import org.envol.ledger.Section;
import org.envol.ledger.YearEnd;
import org.envol.members.Member;
import org.envol.members.MemberService;
import org.envol.reports.Report;
import org.envol.reports.ReportExports;
import org.envol.reports.ReportName;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.test.context.support.WithMockUser;

/** The demo fills an empty database only: its own context (and database), with a fixed day. */
@SpringBootTest(properties = "envol.test.database=demo")
@Import(DemoClubTest.FixedDay.class)
@WithMockUser(authorities = "ROLE_ADMIN")
class DemoClubTest {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 15);
    static final LocalDate LAST_YEAR_START = LocalDate.of(2025, 1, 1);
    static final LocalDate LAST_YEAR_END = LocalDate.of(2025, 12, 31);
    static final LocalDate THIS_YEAR_START = LocalDate.of(2026, 1, 1);

    /**
     * What each member's account moved this year up to the fixed day, as the demo wrote it before
     * it had a previous year: this year's entries must stay those.
     */
    static final Map<String, Long> THIS_YEAR_MOVEMENTS = Map.ofEntries(
            Map.entry("Martin Claire", 5_807L), Map.entry("Bernard Louis", 1_319L), Map.entry("Petit Emma", -55_573L),
            Map.entry("Durand Hugo", -42_230L), Map.entry("Leroy Chloé", -58_366L), Map.entry("Moreau Jules", 38_220L),
            Map.entry("Simon Léa", 1_888L), Map.entry("Laurent Tom", 30_488L), Map.entry("Michel Inès", -2_661L),
            Map.entry("Garcia Nathan", -29_945L), Map.entry("DUPONT Léo", 0L),
            Map.entry("Roux Camille", 225_750L), Map.entry("Fournier Lucas", 122_800L), Map.entry("Girard Manon", 180_950L),
            Map.entry("Bonnet Théo", 333_975L), Map.entry("Dupont Jean", 266_175L), Map.entry("Lambert Sarah", 69_725L),
            Map.entry("Fontaine Paul", 258_750L), Map.entry("Rousseau Zoé", 250_125L));

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock demoClock() {
            return Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris"));
        }
    }

    @Autowired
    DemoClub demo;
    @Autowired
    BalanceService balances;
    @Autowired
    EntrySearch search;
    @Autowired
    ChainVerifier chain;
    @Autowired
    MemberService members;
    @Autowired
    AccountService accounts;
    @Autowired
    FiscalYearService years;
    @Autowired
    ReportExports reports;

    @Test
    void theDemoClubHasBalancedBooksWithValidatedAndPendingEntries() {
        boolean empty = !demo.alreadyThere();
        assertThat(empty).isTrue();
        List<Section> sections = demo.create();
        assertThat(sections).extracting(Section::name).containsExactly("Planeur", "Avion");
        assertThat(demo.alreadyThere()).isTrue();
        for (Section s : sections) {
            var tb = balances.trialBalance(s.id(), THIS_YEAR_START, LocalDate.of(2026, 12, 31));
            assertThat(tb.balanced()).isTrue();
            assertThat(tb.rows()).hasSizeGreaterThan(10);
            long frozen = search.search(new EntryFilter(s.id(), null, null, null, null, null, EntryStatus.FROZEN), 0, 1).total();
            long posted = search.search(new EntryFilter(s.id(), null, null, null, null, null, EntryStatus.POSTED), 0, 1).total();
            long drafts = search.search(new EntryFilter(s.id(), null, null, null, null, null, EntryStatus.DRAFT), 0, 1).total();
            long frozenThisYear = search.search(new EntryFilter(s.id(), THIS_YEAR_START, null, null, null, null, EntryStatus.FROZEN), 0, 1)
                    .total();
            assertThat(frozenThisYear).isGreaterThan(50);
            assertThat(posted).isGreaterThan(20);
            assertThat(drafts).isEqualTo(1);
            assertThat(chain.verify(s.id()).intact()).isTrue();
            assertThat(chain.verify(s.id()).linksChecked()).isEqualTo(frozen);

            FiscalYear lastYear = lastYearIsValidatedAndClosed(s);
            long surplus = theResultIsLastYearsIncomeMinusExpenses(s, lastYear);
            Entry opening = thisYearOpensWithTheClosingsEntries(s, lastYear);
            theMembersBalancesRunOnAcrossTheYears(s, opening);
            theIncomeStatementShowsLastYearBeside(s, surplus);
        }
        theMembersOwnTheDemoAccounts(sections.get(0), sections.get(1));
    }

    /** Last year: a full year of entries, every one validated, and the year closed; this year open. */
    FiscalYear lastYearIsValidatedAndClosed(Section s) {
        List<FiscalYear> list = years.list(s.id());
        assertThat(list).extracting(FiscalYear::startDate).containsExactly(LAST_YEAR_START, THIS_YEAR_START);
        FiscalYear lastYear = list.get(0);
        assertThat(lastYear.endDate()).isEqualTo(LAST_YEAR_END);
        assertThat(lastYear.closed()).isTrue();
        assertThat(list.get(1).closed()).isFalse();
        assertThat(search.countUnvalidated(s.id(), lastYear.id())).isZero();
        List<Entry> entries = entries(s, LAST_YEAR_START, LAST_YEAR_END);
        assertThat(entries).hasSizeGreaterThan(100).allSatisfy(e -> assertThat(e.status()).isEqualTo(EntryStatus.FROZEN));
        // every month of the year has its flights
        assertThat(entries.stream().filter(e -> e.source() != null && DemoClub.FLIGHT.equals(e.source().kind()))
                .map(e -> e.date().getMonth()).distinct()).hasSize(12);
        var tb = balances.trialBalance(s.id(), LAST_YEAR_START, LAST_YEAR_END);
        assertThat(tb.balanced()).isTrue();
        // once closed, the year's expense and income accounts are zeroed into its result
        assertThat(tb.rows()).filteredOn(r -> r.account().accountClass() == 6 || r.account().accountClass() == 7)
                .isNotEmpty().allSatisfy(r -> assertThat(r.closingCents()).isZero());
        // the suspense account was cleared before the closing
        assertThat(tb.rows()).filteredOn(r -> r.account().code().startsWith("471")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.closingCents()).isZero());
        return lastYear;
    }

    /**
     * The result entry puts into 120 (surplus) or 129 (deficit) exactly last year's income minus
     * expenses, summed here from the year's own entries; the surplus of the year before, taken
     * over in 120, is carried to report à nouveau (110). Returns the surplus (a deficit negative).
     */
    long theResultIsLastYearsIncomeMinusExpenses(Section s, FiscalYear lastYear) {
        Map<Long, Account> byId = accountsOf(s);
        long incomeMinusExpenses = 0;
        for (Entry e : entries(s, LAST_YEAR_START, LAST_YEAR_END)) {
            if (e.source() != null && YearEnd.KIND.equals(e.source().kind())) {
                continue;
            }
            for (Line l : e.lines()) {
                int c = byId.get(l.accountId()).accountClass();
                if (c == 6 || c == 7) {
                    incomeMinusExpenses -= l.amountCents();
                }
            }
        }
        long surplus = incomeMinusExpenses;
        assertThat(surplus).isNotZero();
        Entry result = search.bySource(s.id(), YearEnd.result(lastYear.id())).orElseThrow();
        assertThat(result.status()).isEqualTo(EntryStatus.FROZEN);
        assertThat(result.date()).isEqualTo(LAST_YEAR_END);
        List<Line> toResult = result.lines().stream().filter(l -> byId.get(l.accountId()).code().startsWith("12")).toList();
        assertThat(toResult).singleElement().satisfies(l -> {
            assertThat(l.amountCents()).isEqualTo(-surplus);
            assertThat(byId.get(l.accountId()).code()).isEqualTo(surplus > 0 ? "120" : "129");
        });
        Entry carry = search.bySource(s.id(), YearEnd.carry(lastYear.id())).orElseThrow();
        assertThat(carry.lines()).hasSize(2);
        Line retained = carry.lines().stream().filter(l -> byId.get(l.accountId()).code().equals("110")).findFirst().orElseThrow();
        Line prior = carry.lines().stream().filter(l -> byId.get(l.accountId()).code().equals("120")).findFirst().orElseThrow();
        assertThat(prior.amountCents()).isPositive().isEqualTo(-retained.amountCents());
        return surplus;
    }

    /**
     * This year starts with the closing's opening entry in journal AN, validated, restating every
     * balance-sheet account at its balance at the end of last year.
     */
    Entry thisYearOpensWithTheClosingsEntries(Section s, FiscalYear lastYear) {
        FiscalYear thisYear = years.containing(s.id(), THIS_YEAR_START).orElseThrow();
        Entry opening = search.bySource(s.id(), YearEnd.opening(thisYear.id())).orElseThrow();
        assertThat(opening.journalCode()).isEqualTo("AN");
        assertThat(opening.date()).isEqualTo(THIS_YEAR_START);
        assertThat(opening.status()).isEqualTo(EntryStatus.FROZEN);
        assertThat(entries(s, THIS_YEAR_START, TODAY)).filteredOn(e -> e.journalCode().equals("AN"))
                .extracting(Entry::id).containsExactly(opening.id());
        Map<Long, Account> byId = accountsOf(s);
        Map<Long, Long> atEnd = new HashMap<>();
        balances.accountBalances(s.id(), LAST_YEAR_END).forEach((id, b) -> {
            int c = byId.get(id).accountClass();
            if (b != 0 && c >= 1 && c <= 5) {
                atEnd.put(id, b);
            }
        });
        Map<Long, Long> restated = new HashMap<>();
        opening.lines().forEach(l -> restated.merge(l.accountId(), l.amountCents(), Long::sum));
        assertThat(restated).isEqualTo(atEnd).containsKeys(accounts.listByPrefix(s.id(), "512").get(0).id());
        return opening;
    }

    /**
     * A member's balance today is last year's closing balance plus this year's movements, which
     * are what the demo wrote before it had a previous year: the opening entry is not counted again.
     */
    void theMembersBalancesRunOnAcrossTheYears(Section s, Entry opening) {
        List<Account> memberAccounts = accounts.listByPrefix(s.id(), "411");
        assertThat(memberAccounts).isNotEmpty();
        for (Account a : memberAccounts) {
            long endOfLastYear = balances.balanceCents(a.id(), LAST_YEAR_END);
            long restated = opening.lines().stream().filter(l -> l.accountId() == a.id()).mapToLong(Line::amountCents).sum();
            assertThat(restated).as(a.label()).isEqualTo(endOfLastYear);
            assertThat(balances.balanceCents(a.id(), TODAY)).as(a.label())
                    .isEqualTo(endOfLastYear + THIS_YEAR_MOVEMENTS.get(a.label()));
        }
        assertThat(memberAccounts).anySatisfy(a -> assertThat(balances.balanceCents(a.id(), LAST_YEAR_END)).isNotZero());
    }

    /** This year's income statement has last year beside it (N-1), its result last year's income minus expenses. */
    void theIncomeStatementShowsLastYearBeside(Section s, long lastYearSurplus) {
        Report report = reports.export(ReportName.INCOME_STATEMENT, s.id(),
                ReportExports.Query.period(THIS_YEAR_START, LocalDate.of(2026, 12, 31))).report();
        assertThat(report.columns()).hasSize(3);
        List<Report.Row> rows = StreamSupport.stream(report.rows().spliterator(), false).toList();
        assertThat(rows).filteredOn(r -> r.cells().get(2) instanceof Report.Amount a && a.cents() != 0).hasSizeGreaterThan(5);
        assertThat(rows).filteredOn(r -> r.style() == Report.Style.TOTAL).singleElement()
                .satisfies(r -> assertThat(r.cells().get(2)).isEqualTo(new Report.Amount(lastYearSurplus)));
    }

    private List<Entry> entries(Section s, LocalDate from, LocalDate to) {
        List<Entry> out = new java.util.ArrayList<>();
        EntryPage page;
        int p = 0;
        do {
            page = search.search(new EntryFilter(s.id(), from, to, null, null, null, null), p++, 500);
            out.addAll(page.entries());
        } while (p < page.pages());
        return out;
    }

    private Map<Long, Account> accountsOf(Section s) {
        Map<Long, Account> byId = new HashMap<>();
        accounts.list(s.id()).forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    /** Every demo 411 account belongs to its member; Léo is paid for by his father; Nathan has left. */
    void theMembersOwnTheDemoAccounts(Section glider, Section plane) {
        for (Section s : List.of(glider, plane)) {
            List<MemberService.Row> rows = members.list(s.id(), null, true);
            assertThat(rows).hasSize(s == glider ? DemoClub.GLIDER_PILOTS.size() + 1 : DemoClub.PLANE_PILOTS.size());
            assertThat(accounts.listByPrefix(s.id(), "411")).hasSize(rows.size())
                    .allSatisfy(a -> assertThat(rows).anyMatch(r -> r.account().equals(a)));
        }
        Member claire = members.findByEmail(DemoClub.email(DemoClub.GLIDER_PILOTS.get(0))).orElseThrow();
        assertThat(members.get(claire.id()).stays()).singleElement()
                .satisfies(st -> assertThat(st.account().label()).isEqualTo(DemoClub.GLIDER_PILOTS.get(0)));
        Member jean = members.findByEmail("jean.dupont@example.org").orElseThrow();
        assertThat(members.get(jean.id()).payees()).extracting(Member::firstName).containsExactly("Léo");
        assertThat(members.findByEmail("nathan.garcia@example.org").orElseThrow().leftOn()).isEqualTo(TODAY);
    }

    @PostgresTest
    static class OnPostgres extends DemoClubTest {
    }
}
