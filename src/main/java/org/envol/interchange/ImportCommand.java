package org.envol.interchange;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.ledger.SyncOutcome;
import org.envol.platform.DryRunOption;
import org.envol.platform.SectionOption;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code envol import fec FILE --section CODE [--create-accounts] [--create-journals] [--journal FEC=CODE] [--dry-run]}. */
@Component
@Command(name = "import", description = "Imports comptables.", subcommands = ImportCommand.Fec.class)
public class ImportCommand {

    @Component
    @Scope("prototype")
    @Command(name = "fec", description = "Importe un FEC dans une section (reprise d'un autre logiciel) : tout ou rien ;"
            + " importer de nouveau le même fichier ne change rien. Code de sortie 1 si l'import est refusé.")
    static class Fec implements Callable<Integer> {

        private final FecImport imports;
        private final FecCheck check;
        private final SectionService sections;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        @Mixin
        FecFileParameter file;

        @Mixin
        SectionOption section;

        @Option(names = "--create-accounts", description = "Crée les comptes que la section n'a pas (sinon l'import est refusé en les nommant).")
        boolean createAccounts;

        @Option(names = "--create-journals", description = "Crée les journaux qu'Envol n'a pas (sinon l'import est refusé en les nommant).")
        boolean createJournals;

        @Option(names = "--journal", paramLabel = "FEC=CODE", description = "Verse le journal FEC du fichier dans le journal CODE d'Envol (répétable).")
        Map<String, String> journalMap = new LinkedHashMap<>();

        @Mixin
        DryRunOption dryRun;

        Fec(FecImport imports, FecCheck check, SectionService sections, Messages messages) {
            this.imports = imports;
            this.check = check;
            this.sections = sections;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return CommandSupport.run(messages, spec.commandLine().getErr(), () -> {
                Section s = sections.findByCode(section.code())
                        .orElseThrow(() -> new InterchangeException("interchange.section.unknown", section.code()));
                FecImport.Report report = imports.importFile(s.id(), file.path(),
                        new FecImport.Options(createAccounts, createJournals, journalMap, dryRun.dryRun()));
                print(report, out);
                if (!report.ok()) {
                    spec.commandLine().getErr().println(messages.get("interchange.import.refused", report.errors()));
                    return 1;
                }
                return 0;
            });
        }

        private void print(FecImport.Report r, PrintWriter out) {
            if (r.charset() != null) {
                out.println(messages.get("interchange.import.summary", r.charset(), r.lines(), r.entries(), r.entryLines()));
            }
            if (!r.journalsToCreate().isEmpty() || !r.accountsToCreate().isEmpty()) {
                out.println(messages.get("interchange.import.to.create", r.journalsToCreate().size(), r.accountsToCreate().size()));
                r.journalsToCreate().forEach(j -> out.println(messages.get("interchange.import.journal", j.code(), j.fecCode(), j.label())));
                r.accountsToCreate().forEach(a -> out.println(messages.get("interchange.import.account", a.code(), a.label(), a.fecNumber())));
            }
            if (!r.outcomes().isEmpty()) {
                out.println(messages.get("interchange.import.outcomes", r.count(SyncOutcome.CREATED), r.count(SyncOutcome.UNCHANGED),
                        r.count(SyncOutcome.CHANGED), r.count(SyncOutcome.REVERSED_AND_REPLACED)));
            }
            r.problems().forEach(p -> out.println(check.describe(p)));
            int hidden = r.errors() + r.warnings() - r.problems().size();
            if (hidden > 0) {
                out.println(messages.get("interchange.import.more", hidden));
            }
            if (r.ok()) {
                out.println(messages.get(r.dryRun() ? "interchange.import.dry" : r.count(SyncOutcome.CREATED) + r.count(SyncOutcome.CHANGED)
                        + r.count(SyncOutcome.REVERSED_AND_REPLACED) == 0 ? "interchange.import.nothing" : "interchange.import.done"));
            }
        }
    }
}
