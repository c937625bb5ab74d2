package org.envol.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.reports.ExportFormat;
import org.envol.reports.Grouping;
import org.envol.reports.Report;
import org.envol.reports.ReportExports;
import org.envol.reports.ReportExports.Position;
import org.envol.reports.ReportExports.Query;
import org.envol.reports.ReportName;
import org.springframework.context.ApplicationContext;

/**
 * The report pages a treasurer opens, timed on the main section of the generated club once
 * {@link LedgerBench} has posted it: what each page's service builds (the HTML around it is not
 * timed), for the last fiscal year. Then a year's general journal and general ledger written to
 * CSV, whole, as a download streams them (bytes counted, not kept).
 */
final class ReportBench {

    static final double PAGE_MS_MAX = 200;

    /** One page's timings. */
    record Measure(String name, Timings timings) {
    }

    /** A whole report written: rows, bytes, duration in nanoseconds. */
    record Written(String name, long rows, long bytes, long nanos) {
    }

    record Figures(List<Measure> pages, List<Written> exports) {
    }

    private final SectionService sections;
    private final AccountService accounts;
    private final ReportExports reports;
    private final BalanceService balances;
    private final PrintWriter out;

    ReportBench(ApplicationContext context, PrintWriter out) {
        this.sections = context.getBean(SectionService.class);
        this.accounts = context.getBean(AccountService.class);
        this.reports = context.getBean(ReportExports.class);
        this.balances = context.getBean(BalanceService.class);
        this.out = out;
    }

    Figures run(int runs) {
        // the main section LedgerBench just made (the configured database may hold earlier ones)
        Section main = sections.all().stream().filter(s -> s.code().startsWith("BENCH-AVION"))
                .max(Comparator.comparingLong(Section::id)).orElseThrow();
        long s = main.id();
        LocalDate from = LedgerBench.START.plusYears(LedgerBench.YEARS - 1);
        LocalDate to = LedgerBench.START.plusYears(LedgerBench.YEARS).minusDays(1);
        Query year = Query.period(from, to);
        Query atEnd = new Query(null, null, to, null, null, null, null);
        Account bank = accounts.listByPrefix(s, "512").get(0);
        out.printf("Report pages of the last fiscal year…%n");
        out.flush();

        List<Measure> pages = new ArrayList<>();
        pages.add(time("trial balance by account", runs, () -> reports.page(ReportName.TRIAL_BALANCE, s, year, Position.FIRST)));
        pages.add(time("trial balance by 3-digit code", runs, () -> reports.page(ReportName.TRIAL_BALANCE, s,
                new Query(from, to, null, null, null, null, Grouping.CODE3), Position.FIRST)));
        pages.add(time("income statement (with N-1)", runs, () -> reports.page(ReportName.INCOME_STATEMENT, s, year, Position.FIRST)));
        pages.add(time("balance sheet (with N-1)", runs, () -> reports.page(ReportName.BALANCE_SHEET, s, atEnd, Position.FIRST)));
        pages.add(time("member balances, all members", runs, () -> reports.page(ReportName.MEMBER_BALANCES, s, atEnd, Position.FIRST)));
        pages.add(time("member balances owing > 100 €", runs, () -> reports.page(ReportName.MEMBER_BALANCES, s,
                new Query(null, null, to, null, null, 10_000L, null), Position.FIRST)));
        pages.add(time("general journal, first page", runs, () -> reports.page(ReportName.JOURNAL, s, year, Position.FIRST)));
        YearMonth june = YearMonth.from(from.plusMonths(5));
        int middle = reports.page(ReportName.JOURNAL, s, year, new Position(june, 0, null)).pager().pages() / 2;
        pages.add(time("general journal, " + june + ", its middle page (" + middle + ")", runs,
                () -> reports.page(ReportName.JOURNAL, s, year, new Position(june, middle, null))));
        Query sales = new Query(from, to, null, "VT", null, null, null);
        pages.add(time("journal VT, first page", runs, () -> reports.page(ReportName.JOURNAL, s, sales, Position.FIRST)));
        pages.add(time("general ledger, first page", runs, () -> reports.page(ReportName.GENERAL_LEDGER, s, year, Position.FIRST)));
        int bankMiddle = balances.statement(bank.id(), from, to, 0, 100).pages() / 2;
        pages.add(time("general ledger, bank account, middle page (" + bankMiddle + ")", runs,
                () -> reports.page(ReportName.GENERAL_LEDGER, s, year, new Position(null, bankMiddle, bank.id()))));
        out.printf("Report pages done. Writing a year's general journal and general ledger to CSV…%n");
        out.flush();

        List<Written> exports = new ArrayList<>();
        exports.add(write("general journal of a year to CSV", reports.export(ReportName.JOURNAL, main.code(), year)));
        exports.add(write("general ledger of a year to CSV", reports.export(ReportName.GENERAL_LEDGER, main.code(), year)));
        return new Figures(pages, exports);
    }

    /** Two untimed runs, then {@code runs} timed ones; the rows are read as a page would. */
    private static Measure time(String name, int runs, Supplier<ReportExports.Page> page) {
        Supplier<Integer> work = () -> {
            int rows = 0;
            for (Report.Row ignored : page.get().report().rows()) {
                rows++;
            }
            return rows;
        };
        work.get();
        work.get();
        Timings t = new Timings(runs);
        for (int i = 0; i < runs; i++) {
            t.time(work);
        }
        return new Measure(name, t);
    }

    private static Written write(String name, ReportExports.Export export) {
        long[] rows = {0};
        Report counted = new Report(export.report().title(), export.report().subtitleLines(), export.report().columns(),
                () -> {
                    var rowsOf = export.report().rows().iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return rowsOf.hasNext();
                        }

                        @Override
                        public Report.Row next() {
                            rows[0]++;
                            return rowsOf.next();
                        }
                    };
                });
        CountingStream bytes = new CountingStream();
        long start = System.nanoTime();
        try {
            ExportFormat.CSV.write(counted, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(name, rows[0], bytes.count, System.nanoTime() - start);
    }

    /** Counts what is written and keeps none of it. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    static void print(PrintWriter out, Figures f) {
        out.println();
        out.printf(Locale.ROOT, "Report pages, main section, last fiscal year (the service a page calls; target ≤ %.0f ms each)%n%n",
                PAGE_MS_MAX);
        for (Measure m : f.pages()) {
            Timings t = m.timings();
            out.printf(Locale.ROOT, "%-52s %-62s %-18s %s%n", m.name() + " (" + t.count() + " runs)",
                    String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms", t.medianMillis(), t.p95Millis()),
                    String.format(Locale.ROOT, "≤ %.0f ms", PAGE_MS_MAX), t.p95Millis() <= PAGE_MS_MAX ? "met" : "MISSED");
        }
        for (Written w : f.exports()) {
            out.printf(Locale.ROOT, "%-52s %-62s%n", w.name(), String.format(Locale.ROOT, "%,d rows, %,d MB in %.1f s (%,.0f rows/s)",
                    w.rows(), w.bytes() / (1024 * 1024), w.nanos() / 1e9, w.rows() / (w.nanos() / 1e9)));
        }
        out.flush();
    }
}
