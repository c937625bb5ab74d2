package org.envol.audit;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.envol.ledger.ChainReport;
import org.envol.ledger.ChainVerifier;
import org.envol.ledger.Messages;
import org.envol.security.SystemActor;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code envol audit verify}: re-computes the hash chain of every section; exit 1 on the first broken link. */
@Component
@Command(name = "audit", description = "Journal d'audit et chaîne de hachage.", subcommands = AuditCommand.Verify.class)
public class AuditCommand {

    @Component
    @Command(name = "verify", description = "Recalcule la chaîne de hachage des écritures validées et nomme le premier maillon rompu.")
    static class Verify implements Callable<Integer> {

        private final ChainVerifier verifier;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        Verify(ChainVerifier verifier, Messages messages) {
            this.verifier = verifier;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean intact = true;
            for (ChainReport r : SystemActor.run("audit-verify", verifier::verifyAll)) {
                if (r.intact()) {
                    out.println(messages.get("audit.cli.intact", r.sectionCode(), Long.toString(r.linksChecked())));
                } else {
                    intact = false;
                    out.println(messages.get("audit.cli.broken", r.sectionCode(), Long.toString(r.linksChecked()),
                            String.valueOf(r.brokenEntryId()), String.valueOf(r.brokenNumber()), String.valueOf(r.brokenChainSeq()), r.reason()));
                }
            }
            return intact ? 0 : 1;
        }
    }
}
