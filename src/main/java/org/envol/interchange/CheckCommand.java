package org.envol.interchange;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code envol check fec FILE}: the conformity check of any FEC file; exit 1 when it finds anything. */
@Component
@Command(name = "check", description = "Contrôles de fichiers.", subcommands = CheckCommand.Fec.class)
public class CheckCommand {

    @Component
    @Scope("prototype")
    @Command(name = "fec", description = "Contrôle la conformité d'un FEC et liste ses problèmes (ligne, colonne).")
    static class Fec implements Callable<Integer> {

        private final FecCheck check;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        @Mixin
        FecFileParameter file;

        Fec(FecCheck check, Messages messages) {
            this.check = check;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return CommandSupport.run(messages, spec.commandLine().getErr(), () -> {
                List<FecProblem> problems = check.check(file.path());
                problems.forEach(p -> out.println(check.describe(p)));
                if (problems.isEmpty()) {
                    out.println(messages.get("interchange.fec.check.ok"));
                    return 0;
                }
                out.println(messages.get("interchange.fec.check.problems", problems.size(),
                        problems.stream().filter(FecProblem::error).count()));
                return 1;
            });
        }
    }
}
