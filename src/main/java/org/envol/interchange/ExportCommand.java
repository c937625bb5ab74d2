package org.envol.interchange;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.envol.ledger.FiscalYear;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.platform.SectionOption;
import org.envol.platform.YearOption;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code envol export fec --section CODE --year YYYY --out FILE}: the checked FEC of a fiscal year. */
@Component
@Command(name = "export", description = "Exports comptables.", subcommands = ExportCommand.Fec.class)
public class ExportCommand {

    @Component
    @Scope("prototype")
    @Command(name = "fec", description = "Écrit le FEC (écritures validées) de l'exercice qui commence en YYYY, après contrôle.")
    static class Fec implements Callable<Integer> {

        private final FecExport export;
        private final SectionService sections;
        private final FiscalYearService years;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        @Mixin
        SectionOption section;

        @Mixin
        YearOption year;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Fichier à écrire ; si c'est un dossier, le fichier y prend son nom légal (<SIREN>FEC<AAAAMMJJ>.txt).")
        Path out;

        Fec(FecExport export, SectionService sections, FiscalYearService years, Messages messages) {
            this.export = export;
            this.sections = sections;
            this.years = years;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return CommandSupport.run(messages, err, () -> {
                Section s = sections.findByCode(section.code())
                        .orElseThrow(() -> new InterchangeException("interchange.section.unknown", section.code()));
                FiscalYear fy = years.list(s.id()).stream().filter(y -> y.startDate().getYear() == year.year()).findFirst()
                        .orElseThrow(() -> new InterchangeException("interchange.year.none", s.code(), Integer.toString(year.year())));
                FecExport.FecFile file = export.export(fy.id());
                try {
                    Path target = Files.isDirectory(out) ? out.resolve(file.name()) : out;
                    Files.copy(file.path(), target, StandardCopyOption.REPLACE_EXISTING);
                    spec.commandLine().getOut().println(messages.get("interchange.fec.written", target.getFileName().toString(),
                            Long.toString(file.lines())));
                } finally {
                    Files.deleteIfExists(file.path());
                }
                return 0;
            });
        }
    }
}
