package org.envol.platform;

import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.security.SystemActor;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code envol section add CODE --name NAME} and {@code envol section list}: the club's sections. */
@Component
@Command(name = "section", description = "Sections du club (planeur, avion, ULM…).",
        subcommands = {SectionCommand.Add.class, SectionCommand.ListSections.class})
public class SectionCommand {

    @Component
    @Scope("prototype")
    @Command(name = "add", description = "Crée une section.")
    static class Add implements Callable<Integer> {

        private final SectionService sections;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CODE", description = "Code court : lettres, chiffres, tiret (PLANEUR, AVION…).")
        String code;

        @Option(names = "--name", required = true, description = "Nom affiché (« Planeur »).")
        String name;

        Add(SectionService sections, Messages messages) {
            this.sections = sections;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            Section s = SystemActor.runFromCommandLine(() -> sections.create(code, name));
            spec.commandLine().getOut().println(messages.get("section.cli.created", s.code(), s.name(), Long.toString(s.id())));
            return 0;
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "list", description = "Liste les sections.")
    static class ListSections implements Callable<Integer> {

        private final SectionService sections;

        @Spec
        CommandSpec spec;

        ListSections(SectionService sections) {
            this.sections = sections;
        }

        @Override
        public Integer call() {
            for (Section s : SystemActor.runFromCommandLine(sections::all)) {
                spec.commandLine().getOut().printf("%-20s %s%n", s.code(), s.name());
            }
            return 0;
        }
    }
}
