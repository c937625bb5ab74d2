package org.envol.openflyers;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.platform.CommandRun;
import org.envol.platform.DryRunOption;
import org.envol.platform.SectionOption;
import org.springframework.context.annotation.Scope;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code envol openflyers …}: the OpenFlyers synchronisation from the command line, so that a
 * club can run it from a scheduled job. Each command runs as {@code cli:<user.name>} (an admin)
 * and exits 1 with the message when refused.
 */
@Component
@Command(name = "openflyers", description = "Synchronisation avec OpenFlyers.",
        subcommands = {OpenFlyersCommand.Map.class, OpenFlyersCommand.Balances.class, JournalSyncCommand.class})
public class OpenFlyersCommand {

    /** Runs a command's work as the command-line user, turning a refusal into its message and exit code 1. */
    static int run(Messages messages, PrintWriter err, Callable<Integer> work) {
        return CommandRun.run(err, e -> {
            if (e instanceof OpenFlyersException refused) {
                return List.of(messages.get(refused.key(), refused.args().toArray()));
            }
            if (e instanceof IOException) {
                return List.of(messages.get("openflyers.file.read", e.getMessage()));
            }
            return null;
        }, work);
    }

    /** An amount in the command line's language: {@code 1 234,56} or {@code 1,234.56}. */
    static String amount(long cents) {
        return Money.format(cents, LocaleContextHolder.getLocale());
    }

    static Section section(SectionService sections, String code) {
        return sections.findByCode(code).orElseThrow(() -> new OpenFlyersException("openflyers.section.unknown", code));
    }

    /** {@code openflyers map --section CODE --openflyers-id ID --name NAME (--account ID | --ignore)}. */
    @Component
    @Scope("prototype")
    @Command(name = "map", description = "Associe un compte OpenFlyers à un compte de la section, ou l'ignore.")
    static class Map implements Callable<Integer> {

        private final AccountMappings mappings;
        private final SectionService sections;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        @Mixin
        SectionOption section;

        @Option(names = "--openflyers-id", required = true, paramLabel = "ID", description = "Numéro du compte dans OpenFlyers.")
        String openFlyersId;

        @Option(names = "--name", paramLabel = "NAME", description = "Nom du compte dans OpenFlyers.")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static class Target {
            @Option(names = "--account", paramLabel = "ID", description = "Identifiant Envol du compte associé.")
            Long account;

            @Option(names = "--ignore", description = "Ignorer ce compte OpenFlyers.")
            boolean ignore;
        }

        Map(AccountMappings mappings, SectionService sections, Messages messages) {
            this.mappings = mappings;
            this.sections = sections;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return run(messages, spec.commandLine().getErr(), () -> {
                Section s = section(sections, section.code());
                mappings.map(s.id(), openFlyersId, name, target.ignore ? null : target.account);
                spec.commandLine().getOut().println(messages.get("openflyers.mapping.saved", openFlyersId.strip()));
                return 0;
            });
        }
    }

    @Component
    @Command(name = "balances", description = "Soldes des comptes utilisateurs d'OpenFlyers.",
            subcommands = {Balances.Init.class, Balances.Check.class})
    static class Balances {

        /** {@code FILE --section CODE}: what {@code balances init} and {@code balances check} read, and for which section. */
        static class BalanceFileOptions {

            @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "shared.balance-file",
                    description = "La « balance des comptes utilisateurs » exportée d'OpenFlyers (CSV).")
            Path file;

            @Mixin
            SectionOption section;

            BalanceFile read() throws IOException {
                return BalanceFile.read(Files.readAllBytes(file));
            }

            Section section(SectionService sections) {
                return OpenFlyersCommand.section(sections, section.code());
            }
        }

        /** {@code openflyers balances init FILE --section CODE --date YYYY-MM-DD [--accounts id,id | --all-mapped] [--dry-run]}. */
        @Component
        @Scope("prototype")
        @Command(name = "init", description = "Écrit le solde initial des comptes OpenFlyers choisis contre le compte 102 de la section"
                + " (créé s'il manque). Un compte déjà initialisé est refusé ; avec --all-mapped il est passé.")
        static class Init implements Callable<Integer> {

            private final BalanceImport balances;
            private final SectionService sections;
            private final Messages messages;

            @Spec
            CommandSpec spec;

            @Mixin
            BalanceFileOptions file;

            @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Date des écritures de solde initial.")
            LocalDate date;

            @Option(names = "--accounts", split = ",", paramLabel = "ID", description = "Les comptes OpenFlyers à initialiser.")
            List<String> accounts = new ArrayList<>();

            @Option(names = "--all-mapped", description = "Tous les comptes associés à un 411 de la section et pas encore initialisés.")
            boolean allMapped;

            @Mixin
            DryRunOption dryRun;

            Init(BalanceImport balances, SectionService sections, Messages messages) {
                this.balances = balances;
                this.sections = sections;
                this.messages = messages;
            }

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                return run(messages, spec.commandLine().getErr(), () -> {
                    List<String> ids = new ArrayList<>(accounts);
                    if (allMapped == !ids.isEmpty()) {
                        throw new OpenFlyersException("openflyers.cli.accounts");
                    }
                    Section s = file.section(sections);
                    BalanceFile f = file.read();
                    if (allMapped) {
                        ids.addAll(balances.pending(s.id(), f));
                        if (ids.isEmpty()) {
                            out.println(messages.get("openflyers.init.nothing"));
                            return 0;
                        }
                    }
                    BalanceImport.Result r = balances.initialise(s.id(), f, ids, date, true, dryRun.dryRun());
                    for (BalanceAccount a : r.initialised()) {
                        out.println(messages.get("openflyers.cli.line", a.line().openFlyersId(), a.line().name(),
                                amount(a.line().balanceCents())));
                    }
                    if (r.fundsCreated() && !dryRun.dryRun()) {
                        out.println(messages.get("openflyers.init.fundsCreated", r.funds().display()));
                    }
                    out.println(messages.get(dryRun.dryRun() ? "openflyers.init.dry" : "openflyers.init.done", r.initialised().size(), date));
                    return 0;
                });
            }
        }

        /** {@code openflyers balances check FILE --section CODE --date YYYY-MM-DD}: exit 1 when any account differs. */
        @Component
        @Scope("prototype")
        @Command(name = "check", description = "Compare les soldes OpenFlyers du fichier avec ceux d'Envol à la date ;"
                + " code de sortie 1 si un compte diffère.")
        static class Check implements Callable<Integer> {

            private final BalanceCheck check;
            private final SectionService sections;
            private final Messages messages;

            @Spec
            CommandSpec spec;

            @Mixin
            BalanceFileOptions file;

            @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Date des soldes comparés.")
            LocalDate date;

            Check(BalanceCheck check, SectionService sections, Messages messages) {
                this.check = check;
                this.sections = sections;
                this.messages = messages;
            }

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                return run(messages, spec.commandLine().getErr(), () -> {
                    BalanceCheck.Report r = check.check(file.section(sections).id(), file.read(), date);
                    for (BalanceCheck.Row row : r.rows()) {
                        if (row.differs()) {
                            out.println(messages.get("openflyers.check.row", row.line().openFlyersId(), row.line().name(), row.account().display(),
                                    amount(row.openFlyersCents()), amount(row.envolCents()), amount(row.differenceCents())));
                        }
                    }
                    out.println(messages.get("openflyers.check.summary", r.rows().size(), r.differing(), r.unmapped().size(), r.ignored().size()));
                    if (!r.complete()) {
                        out.println(messages.get("openflyers.check.unchecked", r.unmapped().size()));
                    } else if (r.inStep()) {
                        out.println(messages.get("openflyers.check.ok"));
                    }
                    return r.inStep() ? 0 : 1;
                });
            }
        }
    }
}
