package org.envol.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.envol.ledger.AccountService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.SectionService;
import org.envol.security.SystemActor;
import org.postgresql.PGConnection;
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
 * {@code envol bench floor}: what PostgreSQL itself does with the ledger's rows, Envol out of the
 * way. The generated club's entries, lines and source references are turned into COPY text
 * beforehand, then loaded by plain {@code COPY … FROM STDIN}, one transaction per batch, into
 * the ledger's own tables and into lighter layouts (no foreign keys; primary keys only; the lines
 * alone; each entry's lines packed into its own row), on one connection and on two at once. No
 * rule is checked, no monthly total or audit row written: each figure is more than any ledger
 * could post into such tables on this machine. Last, the ledger's own {@code postAll} posts the
 * same entries, for comparison. See docs/benchmarks.md (« What PostgreSQL itself does »).
 */
final class FloorBench {

    /** The ledger's posting target (issue 2), on PostgreSQL. */
    static final double TARGET_LINES_PER_S = 250_000;

    /** One batch of rows in COPY's text format, ready to send. */
    private record Batch(byte[] entries, byte[] lines, byte[] sources, byte[] packedEntries, byte[] lineIndex) {
    }

    /**
     * How the rows are laid out: the ledger's three tables; the lines table alone; or each entry's
     * lines packed into arrays in the entry's own row (no line table), with or without a narrow
     * table indexing the lines by account and date, as statements and balances would need.
     */
    private enum Shape { TABLES, LINES_ONLY, PACKED, PACKED_INDEXED }

    /** A set of tables to load into and how: which tables, and over how many connections. */
    private record Variant(String label, String schema, Shape shape, int connections) {
    }

    @Component
    @Scope("prototype")
    @Command(name = "floor", mixinStandardHelpOptions = true,
            description = "Mesure ce que PostgreSQL seul fait des lignes du grand livre (COPY brut, sans Envol), dans les tables d'Envol et des variantes allégées (voir docs/benchmarks.md).")
    static class Run implements Callable<Integer> {

        @Option(names = "--entries", defaultValue = "200000", description = "écritures générées (défaut 200 000, ~468 000 lignes)")
        int entries;

        @Mixin
        BenchOptions.Seed seed;

        @Option(names = "--batch", defaultValue = "5000", description = "écritures par transaction (défaut 5 000, comme le banc du grand livre)")
        int batch;

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
            if (entries < 100 || batch < 1) {
                throw new ParameterException(spec.commandLine(), "--entries at least 100, --batch at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            double loadBefore = BenchCommand.loadAverage();
            // always a throw-away PostgreSQL: the question is what PostgreSQL does, and the tables are truncated
            try (BenchDatabase database = BenchDatabase.start(BenchDatabase.EMBEDDED_POSTGRES, configured, postgresSettings.values)) {
                out.printf("Envol floor benchmark (raw COPY, no Envol) on %s%n", database.description());
                out.flush();
                try (ConfigurableApplicationContext context = BenchCommand.startContext(database)) {
                    SystemActor.run("bench", () -> new FloorBench(context, out).run(entries, seed.value, batch));
                }
            }
            out.printf(Locale.ROOT, "machine: %d processors, load average %.1f → %.1f%n", Runtime.getRuntime().availableProcessors(),
                    loadBefore, BenchCommand.loadAverage());
            return 0;
        }
    }

    private final ApplicationContext context;
    private final DataSource dataSource;
    private final PrintWriter out;

    FloorBench(ApplicationContext context, PrintWriter out) {
        this.context = context;
        this.dataSource = context.getBean(DataSource.class);
        this.out = out;
    }

    Void run(int entryCount, long seed, int batchSize) {
        BenchBooks books = new ClubSetup(context.getBean(SectionService.class), context.getBean(FiscalYearService.class),
                context.getBean(AccountService.class)).create("BENCH-FLOOR", "Floor (benchmark)", LedgerBench.START,
                LedgerBench.YEARS, LedgerBench.MEMBERS, List.of("F-GABC", "F-GDEF", "F-HAVI", "F-GMOT", "F-BXPL", "F-GLOU"), seed);
        List<FiscalYear> years = context.getBean(FiscalYearService.class).list(books.sectionId());
        Map<String, Long> journals = journals();
        List<Batch> batches = new ArrayList<>();
        long lineCount = 0;
        long id = 1;
        LedgerGenerator generator = new LedgerGenerator(books, seed, entryCount, batchSize);
        while (generator.hasNext()) {
            StringBuilder e = new StringBuilder();
            StringBuilder l = new StringBuilder();
            StringBuilder s = new StringBuilder();
            StringBuilder p = new StringBuilder();
            StringBuilder x = new StringBuilder();
            for (EntryDraft d : generator.next()) {
                long year = years.stream().filter(y -> y.contains(d.date())).findFirst().orElseThrow().id();
                String kind = d.source() == null ? "manual" : d.source().kind();
                String reference = d.source() == null ? Long.toString(id) : d.source().reference();
                row(e, id, d.sectionId(), journals.get(d.journalCode()), year, d.date(), d.label(), d.voucherRef(), kind, reference,
                        "POSTED", null, "2026-01-01 00:00:00+00", "bench");
                List<String> packedAccounts = new ArrayList<>();
                List<String> packedAmounts = new ArrayList<>();
                int no = 1;
                for (LineDraft line : d.lines()) {
                    packedAccounts.add(line.accountId().toString());
                    packedAmounts.add(Long.toString(line.amountCents()));
                    row(x, line.accountId(), d.date(), id);
                    row(l, id, no++, d.sectionId(), line.accountId(), d.date(), line.amountCents(), line.label(), line.analyticCode(), "t");
                    lineCount++;
                }
                if (d.source() != null) {
                    row(s, d.sectionId(), kind, reference, id);
                }
                row(p, id, d.sectionId(), journals.get(d.journalCode()), year, d.date(), d.label(), d.voucherRef(), kind, reference,
                        "POSTED", null, "2026-01-01 00:00:00+00", "bench", "{" + String.join(",", packedAccounts) + "}",
                        "{" + String.join(",", packedAmounts) + "}");
                id++;
            }
            batches.add(new Batch(bytes(e), bytes(l), bytes(s), bytes(p), bytes(x)));
        }
        out.printf(Locale.ROOT, "data: %,d entries, %,d lines, in %,d transactions of %,d entries (COPY text built beforehand)%n",
                entryCount, lineCount, batches.size(), batchSize);
        out.flush();

        prepareSchemas();
        List<Variant> variants = List.of(
                new Variant("Envol's tables as they are (foreign keys, guards, indexes)", "public", Shape.TABLES, 1),
                new Variant("Envol's tables as they are, 2 connections", "public", Shape.TABLES, 2),
                new Variant("same indexes, no foreign key, no trigger", "floor_nofk", Shape.TABLES, 1),
                new Variant("same indexes, no foreign key, no trigger, 2 connections", "floor_nofk", Shape.TABLES, 2),
                new Variant("primary keys only", "floor_pk", Shape.TABLES, 1),
                new Variant("primary keys only, 2 connections", "floor_pk", Shape.TABLES, 2),
                new Variant("the lines alone: no key, no index", "floor_bare", Shape.LINES_ONLY, 1),
                new Variant("lines packed in their entry's row (arrays), no line table", "floor_packed", Shape.PACKED, 1),
                new Variant("lines packed, 2 connections", "floor_packed", Shape.PACKED, 2),
                new Variant("lines packed + an index of lines by account and date", "floor_packed", Shape.PACKED_INDEXED, 1),
                new Variant("lines packed + index of lines by account, 2 connections", "floor_packed", Shape.PACKED_INDEXED, 2));
        out.printf(Locale.ROOT, "%-62s %9s %14s%n", "tables (entries + lines + source references)", "seconds", "lines/s");
        for (Variant v : variants) {
            truncate(v.schema());
            long nanos = load(v, batches);
            long loaded = count(v.shape() == Shape.PACKED || v.shape() == Shape.PACKED_INDEXED
                    ? "select coalesce(sum(cardinality(account_ids)), 0) from floor_packed.entry"
                    : "select count(*) from " + v.schema() + ".entry_line");
            if (loaded != lineCount) {
                throw new IllegalStateException(v.schema() + ".entry_line has " + loaded + " lines after the load, not " + lineCount);
            }
            double rate = lineCount / (nanos / 1e9);
            out.printf(Locale.ROOT, "%-62s %9.2f %,14.0f  %s%n", v.label(), nanos / 1e9, rate,
                    rate >= TARGET_LINES_PER_S ? "≥ 250,000" : "below 250,000");
            out.flush();
        }
        // the ledger itself, on the same entries into the same tables, for comparison
        truncate("public");
        LedgerService ledger = context.getBean(LedgerService.class);
        LedgerGenerator again = new LedgerGenerator(books, seed, entryCount, batchSize);
        long nanos = 0;
        while (again.hasNext()) {
            List<EntryDraft> drafts = again.next();
            long start = System.nanoTime();
            ledger.postAll(drafts);
            nanos += System.nanoTime() - start;
        }
        out.printf(Locale.ROOT, "%-62s %9.2f %,14.0f%n", "Envol's ledger: postAll, every rule checked, into its tables", nanos / 1e9,
                lineCount / (nanos / 1e9));
        return null;
    }

    private Map<String, Long> journals() {
        Map<String, Long> journals = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("select code, id from journal")) {
            while (rs.next()) {
                journals.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return journals;
    }

    /** Copies of the ledger's three tables: with their indexes and checks but no foreign key; keys only; nothing. */
    private void prepareSchemas() {
        StringBuilder sql = new StringBuilder("create schema floor_nofk; create schema floor_pk; create schema floor_bare;"
                + " create schema floor_packed;");
        for (String table : List.of("entry", "entry_line", "entry_source")) {
            sql.append("create table floor_nofk.").append(table).append(" (like public.").append(table).append(" including all);");
            sql.append("create table floor_pk.").append(table).append(" (like public.").append(table).append(" including defaults);");
            sql.append("create table floor_bare.").append(table).append(" (like public.").append(table).append(" including defaults);");
        }
        sql.append("alter table floor_pk.entry add primary key (id);")
                .append("alter table floor_pk.entry_line add primary key (entry_id, line_no);")
                .append("alter table floor_pk.entry_source add primary key (section_id, kind, reference);")
                // the entry's own indexes and the source references' key; its lines in two arrays
                .append("create table floor_packed.entry (like public.entry including all,"
                        + " account_ids bigint array not null, amounts bigint array not null);")
                .append("create table floor_packed.entry_source (like public.entry_source including all);")
                .append("create table floor_packed.entry_line (account_id bigint not null, entry_date date not null, entry_id bigint not null);")
                .append("create index floor_packed_line on floor_packed.entry_line (account_id, entry_date, entry_id);");
        execute(sql.toString());
    }

    private void truncate(String schema) {
        execute("truncate " + schema + ".entry_line, " + schema + ".entry_source, " + schema + ".entry; checkpoint");
    }

    private long count(String query) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Loads every batch, each its own transaction; with two connections, each takes every other batch. */
    private long load(Variant v, List<Batch> batches) {
        ExecutorService pool = Executors.newFixedThreadPool(v.connections());
        try {
            long start = System.nanoTime();
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < v.connections(); c++) {
                int first = c;
                done.add(pool.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                        for (int b = first; b < batches.size(); b += v.connections()) {
                            Batch batch = batches.get(b);
                            boolean packed = v.shape() == Shape.PACKED || v.shape() == Shape.PACKED_INDEXED;
                            if (packed) {
                                copy.copyIn("copy floor_packed.entry (id, section_id, journal_id, fiscal_year_id, entry_date, label,"
                                        + " voucher_ref, source_kind, source_ref, status, reversal_of, created_at, created_by, account_ids,"
                                        + " amounts) from stdin", new ByteArrayInputStream(batch.packedEntries()));
                            }
                            if (v.shape() == Shape.PACKED_INDEXED) {
                                copy.copyIn("copy floor_packed.entry_line (account_id, entry_date, entry_id) from stdin",
                                        new ByteArrayInputStream(batch.lineIndex()));
                            }
                            if (v.shape() == Shape.TABLES) {
                                copy.copyIn("copy " + v.schema() + ".entry (id, section_id, journal_id, fiscal_year_id, entry_date, label,"
                                        + " voucher_ref, source_kind, source_ref, status, reversal_of, created_at, created_by) from stdin",
                                        new ByteArrayInputStream(batch.entries()));
                            }
                            if (!packed) {
                                copy.copyIn("copy " + v.schema() + ".entry_line (entry_id, line_no, section_id, account_id, entry_date,"
                                        + " amount_cents, label, analytic_code, counted) from stdin", new ByteArrayInputStream(batch.lines()));
                            }
                            if (v.shape() != Shape.LINES_ONLY) {
                                copy.copyIn("copy " + v.schema() + ".entry_source (section_id, kind, reference, entry_id) from stdin",
                                        new ByteArrayInputStream(batch.sources()));
                            }
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        } catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException("loading into " + v.schema() + " failed", ex.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** One row of COPY's text format (tabs, backslash escapes, \N for null), written by Commons CSV. */
    private static void row(StringBuilder sb, Object... values) {
        try {
            CSVFormat.POSTGRESQL_TEXT.printRecord(sb, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(StringBuilder sb) {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
