package org.envol.benchmark;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerService;
import org.envol.ledger.SectionService;
import org.envol.ledger.Statement;
import org.envol.ledger.TrialBalance;
import org.springframework.context.ApplicationContext;

/**
 * The benchmark's steps, all through the ledger's public services: set up a club, post its
 * generated ledger in batches, then time the reads a treasurer and members make most, and
 * freezing. Runs as whoever the caller is (the command runs it as the system actor).
 */
final class LedgerBench {

    /** What to run: sizes and repetitions. */
    record Plan(int entries, long seed, int batchSize, int freezeCount, int trialBalanceRuns, int memberSamples) {
    }

    /** The figures. Durations in nanoseconds. */
    record Figures(int entries, long lines, int sections, int accounts, LocalDate from, LocalDate to, long setupNanos,
            long postingNanos, long loadNanos, Timings trialBalanceYear, Timings trialBalanceYears,
            Timings trialBalanceYearToDate, Timings memberBalance, Timings statementPage, double statementLinesPerMember,
            int frozen, long freezeNanos) {
    }

    static final int YEARS = 5;
    static final LocalDate START = LocalDate.of(2021, 1, 1);
    /** The small section's share of the entries: a second set of books in the same tables. */
    static final int SMALL_SECTION_PERCENT = 1;
    static final int MEMBERS = 300;
    static final int STATEMENT_PAGE = 50;

    private final SectionService sections;
    private final FiscalYearService years;
    private final AccountService accounts;
    private final LedgerService ledger;
    private final BalanceService balances;
    private final PrintWriter out;

    LedgerBench(ApplicationContext context, PrintWriter out) {
        this.sections = context.getBean(SectionService.class);
        this.years = context.getBean(FiscalYearService.class);
        this.accounts = context.getBean(AccountService.class);
        this.ledger = context.getBean(LedgerService.class);
        this.balances = context.getBean(BalanceService.class);
        this.out = out;
    }

    Figures run(Plan plan) {
        long t0 = System.nanoTime();
        ClubSetup setup = new ClubSetup(sections, years, accounts);
        BenchBooks main = setup.create(freeCode("BENCH-AVION"), "Avion (benchmark)", START, YEARS, MEMBERS,
                List.of("F-GABC", "F-GDEF", "F-HAVI", "F-GMOT", "F-BXPL", "F-GLOU"), plan.seed());
        BenchBooks small = setup.create(freeCode("BENCH-PLANEUR"), "Planeur (benchmark)", START, YEARS, 40,
                List.of("F-CASK", "F-CDUO"), plan.seed() + 1);
        long setupNanos = System.nanoTime() - t0;
        int smallEntries = plan.entries() * SMALL_SECTION_PERCENT / 100;
        int mainEntries = plan.entries() - smallEntries;
        out.printf(Locale.ROOT, "Setup: 2 sections, %d accounts, %d fiscal years each (%.1f s). Posting %,d entries in batches of %,d…%n",
                accounts.list(main.sectionId()).size() + accounts.list(small.sectionId()).size(), YEARS, setupNanos / 1e9,
                plan.entries(), plan.batchSize());
        out.flush();

        // ---- bulk posting: both sections' batches in date order, as they would arrive
        LedgerGenerator mainLedger = new LedgerGenerator(main, plan.seed(), mainEntries, plan.batchSize());
        LedgerGenerator smallLedger = new LedgerGenerator(small, plan.seed() + 1, smallEntries, plan.batchSize());
        long[] toFreeze = new long[Math.min(plan.freezeCount(), mainEntries)];
        int toFreezeCount = 0;
        long lines = 0;
        long postingNanos = 0;
        int posted = 0;
        int nextReport = 1;
        long loadStart = System.nanoTime();
        while (mainLedger.hasNext() || smallLedger.hasNext()) {
            boolean fromMain = !smallLedger.hasNext()
                    || (mainLedger.hasNext() && !mainLedger.nextDate().isAfter(smallLedger.nextDate()));
            List<EntryDraft> batch = (fromMain ? mainLedger : smallLedger).next();
            for (EntryDraft d : batch) {
                lines += d.lines().size();
            }
            long start = System.nanoTime();
            List<Long> ids = ledger.postAll(batch);
            postingNanos += System.nanoTime() - start;
            posted += ids.size();
            if (fromMain) {
                for (int i = 0; i < ids.size() && toFreezeCount < toFreeze.length; i++) {
                    toFreeze[toFreezeCount++] = ids.get(i);
                }
            }
            if (nextReport <= 10 && posted >= (long) plan.entries() * nextReport / 10) {
                while (nextReport <= 10 && posted >= (long) plan.entries() * nextReport / 10) {
                    nextReport++;
                }
                out.printf(Locale.ROOT, "  %,d entries posted (%d %%), %,.0f lines/s so far%n", posted, posted * 100L / plan.entries(),
                        lines / (postingNanos / 1e9));
                out.flush();
            }
        }
        long loadNanos = System.nanoTime() - loadStart;

        // ---- reads, warm: each measure runs a few times untimed first
        LocalDate lastYearStart = START.plusYears(YEARS - 1);
        LocalDate end = START.plusYears(YEARS).minusDays(1);
        LocalDate midMonth = lastYearStart.plusMonths(8).withDayOfMonth(17);
        long s = main.sectionId();
        Timings tbYear = repeat(plan.trialBalanceRuns(), () -> balances.trialBalance(s, lastYearStart, end));
        Timings tbYears = repeat(plan.trialBalanceRuns(), () -> balances.trialBalance(s, START, end));
        Timings tbToDate = repeat(plan.trialBalanceRuns(), () -> balances.trialBalance(s, lastYearStart, midMonth));
        out.printf("Trial balances done.%n");
        out.flush();

        Random pick = new Random(plan.seed() * 31 + 7);
        long days = end.toEpochDay() - START.toEpochDay() + 1;
        List<Long> memberSample = new ArrayList<>();
        for (int i = 0; i < plan.memberSamples(); i++) {
            memberSample.add(main.members().get(pick.nextInt(main.members().size())).account());
        }
        for (int i = 0; i < Math.min(20, memberSample.size()); i++) {
            balances.balanceCents(memberSample.get(i), end);
        }
        Timings balance = new Timings(memberSample.size());
        for (Long account : memberSample) {
            LocalDate at = START.plusDays(pick.nextInt((int) days));
            balance.time(() -> balances.balanceCents(account, at));
        }

        Timings statement = new Timings(memberSample.size());
        long statementLines = 0;
        for (Long account : memberSample) {
            Statement first = balances.statement(account, START, end, 0, STATEMENT_PAGE);
            statementLines += first.totalRows();
            int middle = first.pages() / 2;
            statement.time(() -> balances.statement(account, START, end, middle, STATEMENT_PAGE));
        }
        out.printf(Locale.ROOT, "Balances and statements done. Freezing %,d entries…%n", toFreezeCount);
        out.flush();

        // ---- freezing the oldest entries of the main section
        List<Long> freezeIds = new ArrayList<>(toFreezeCount);
        for (int i = 0; i < toFreezeCount; i++) {
            freezeIds.add(toFreeze[i]);
        }
        long freezeStart = System.nanoTime();
        int frozen = ledger.freeze(freezeIds).frozen().size();
        long freezeNanos = System.nanoTime() - freezeStart;

        int accountCount = accounts.list(main.sectionId()).size() + accounts.list(small.sectionId()).size();
        return new Figures(posted, lines, 2, accountCount, START, end, setupNanos, postingNanos, loadNanos, tbYear, tbYears,
                tbToDate, balance, statement, memberSample.isEmpty() ? 0 : (double) statementLines / memberSample.size(),
                frozen, freezeNanos);
    }

    /** Three untimed runs, then {@code runs} timed ones. */
    private static Timings repeat(int runs, Supplier<TrialBalance> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        Timings t = new Timings(runs);
        for (int i = 0; i < runs; i++) {
            t.time(work);
        }
        return t;
    }

    /** A section code not yet taken (the configured database may already hold a benchmark's sections). */
    private String freeCode(String code) {
        String candidate = code;
        for (int i = 2; sections.findByCode(candidate).isPresent(); i++) {
            candidate = code + "-" + i;
        }
        return candidate;
    }
}
