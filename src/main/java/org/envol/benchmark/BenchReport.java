package org.envol.benchmark;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints the figures as a table, each against the target on PostgreSQL. */
final class BenchReport {

    static final double POSTING_LINES_PER_S_MIN = 250_000;
    static final double TRIAL_BALANCE_MS_MAX = 50;
    static final double MEMBER_BALANCE_MS_MAX = 5;
    static final double STATEMENT_PAGE_MS_MAX = 20;
    static final long HEAP_BYTES_MAX = 512L * 1024 * 1024;

    private final PrintWriter out;

    BenchReport(PrintWriter out) {
        this.out = out;
    }

    void print(BenchDatabase database, LedgerBench.Plan plan, LedgerBench.Figures f, HeapWatch heap, double loadBefore,
            double loadAfter) {
        String xmx = HeapWatch.xmxArgument();
        out.println();
        out.printf(Locale.ROOT, "Envol ledger benchmark — %s%n", database.description());
        out.printf(Locale.ROOT, "data: %,d entries, %,d lines (%.2f per entry), %d sections, %d accounts, %d fiscal years %s to %s, seed %d%n",
                f.entries(), f.lines(), (double) f.lines() / f.entries(), f.sections(), f.accounts(), LedgerBench.YEARS,
                f.from(), f.to(), plan.seed());
        out.printf(Locale.ROOT, "JVM: Java %s, %d processors, -Xmx %s (max heap %s)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), xmx == null ? "not set" : xmx, BenchCommand.megabytes(HeapWatch.maxHeapBytes()));
        out.printf(Locale.ROOT, "machine load average (1 min): %.1f at the start, %.1f at the end, for %d processors%n", loadBefore,
                loadAfter, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "targets are the issue's, on PostgreSQL; a timed read meets its target when its p95 does%n%n");
        row("measure", "result", "target", "");
        row("-------", "------", "------", "");
        double postingSeconds = f.postingNanos() / 1e9;
        double linesPerSecond = f.lines() / postingSeconds;
        row("bulk posting (postAll, batches of " + String.format(Locale.ROOT, "%,d", plan.batchSize()) + ")",
                String.format(Locale.ROOT, "%,.0f lines/s, %,.0f entries/s (%.1f s; %.1f s with generation)", linesPerSecond,
                        f.entries() / postingSeconds, postingSeconds, f.loadNanos() / 1e9),
                "≥ 250,000 lines/s", verdict(linesPerSecond >= POSTING_LINES_PER_S_MIN));
        timed("trial balance, one fiscal year", f.trialBalanceYear(), TRIAL_BALANCE_MS_MAX);
        timed("trial balance, 5 fiscal years", f.trialBalanceYears(), TRIAL_BALANCE_MS_MAX);
        timed("trial balance, year to a mid-month date", f.trialBalanceYearToDate(), TRIAL_BALANCE_MS_MAX);
        timed("member balance at a random date", f.memberBalance(), MEMBER_BALANCE_MS_MAX);
        timed(String.format(Locale.ROOT, "statement page (%d lines, middle of ~%,.0f)", LedgerBench.STATEMENT_PAGE,
                f.statementLinesPerMember()), f.statementPage(), STATEMENT_PAGE_MS_MAX);
        double freezeSeconds = f.freezeNanos() / 1e9;
        row(String.format(Locale.ROOT, "freezing %,d entries (one call)", f.frozen()),
                String.format(Locale.ROOT, "%.1f s, %,.0f entries/s", freezeSeconds, f.frozen() / freezeSeconds), "", "");
        long peak = heap.peakUsedBytes();
        row("heap, peak used (sampled every 10 ms)", BenchCommand.megabytes(peak), "≤ 512 MB", verdict(peak <= HEAP_BYTES_MAX));
        row("heap, peak live after a collection", BenchCommand.megabytes(heap.peakAfterGcBytes())
                + " (" + heap.collections() + " collections)", "", "");
        out.flush();
    }

    private void timed(String measure, Timings t, double targetMs) {
        row(measure + " (" + t.count() + " runs)", String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms", t.medianMillis(),
                t.p95Millis()), String.format(Locale.ROOT, "≤ %.0f ms", targetMs), verdict(t.p95Millis() <= targetMs));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void row(String measure, String result, String target, String verdict) {
        out.printf(Locale.ROOT, "%-52s %-62s %-18s %s%n", measure, result, target, verdict);
    }
}
