package org.envol.members;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.envol.platform.DryRunOption;
import org.envol.security.SystemActor;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code envol member import FILE [--dry-run]}: a member list, all or nothing. */
@Component
@Command(name = "member", mixinStandardHelpOptions = true, description = "Membres du club.", subcommands = MemberCommand.Import.class)
public class MemberCommand {

    /** Exit code when the file is refused (nothing written). */
    static final int REFUSED = 1;

    @Component
    @Scope("prototype")
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Importe une liste de membres (CSV : nom;prenom;email;date_naissance;sections;payeur) : tout ou rien.")
    static class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FICHIER", description = "La liste des membres (CSV ; UTF-8 ou Windows-1252, comme l’enregistre un tableur).")
        Path file;

        @Mixin
        DryRunOption dryRun;

        private final MemberImport importer;
        private final MemberMessages messages;

        Import(MemberImport importer, MemberMessages messages) {
            this.importer = importer;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                err.println(messages.get("members.cli.noFile", file.toString()));
                return REFUSED;
            } catch (IOException e) {
                err.println(messages.get("members.cli.io", file.toString(), String.valueOf(e.getMessage())));
                return REFUSED;
            }
            MemberImport.Report report = SystemActor.runFromCommandLine(() -> importer.run(content, dryRun.dryRun()));
            if (!report.ok()) {
                report.problems().forEach(p -> err.println(messages.text(p)));
                err.println(messages.get("members.cli.refused", Integer.toString(report.problems().size())));
                return REFUSED;
            }
            for (MemberImport.Line line : report.lines()) {
                if (line.outcome() != MemberImport.Outcome.UNCHANGED) {
                    out.println(messages.get("members.cli.line." + line.outcome(), Integer.toString(line.line()), line.name(),
                            String.join(", ", line.joins()), String.join(", ", line.changes().stream()
                                    .map(c -> messages.get("members.field." + c)).toList())));
                }
            }
            out.println(messages.get(report.written() ? "members.cli.done" : "members.cli.dryRun",
                    Long.toString(report.count(MemberImport.Outcome.CREATE)), Long.toString(report.count(MemberImport.Outcome.UPDATE)),
                    Long.toString(report.count(MemberImport.Outcome.UNCHANGED)), report.encoding(), String.valueOf(report.separator())));
            return 0;
        }
    }
}
