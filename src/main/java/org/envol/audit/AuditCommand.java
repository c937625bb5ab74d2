package org.envol.audit;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.envol.ledger.ChainReport;
import org.envol.ledger.ChainVerifier;
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

        @Spec
        CommandSpec spec;

        Verify(ChainVerifier verifier) {
            this.verifier = verifier;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean intact = true;
            for (ChainReport r : SystemActor.run("audit-verify", verifier::verifyAll)) {
                if (r.intact()) {
                    out.printf("Section %s : chaîne intacte, %d écritures validées vérifiées.%n", r.sectionCode(), r.linksChecked());
                } else {
                    intact = false;
                    out.printf("Section %s : CHAÎNE ROMPUE après %d maillons sains. Premier maillon rompu : écriture %s (n° %s, position %s) — %s%n",
                            r.sectionCode(), r.linksChecked(), r.brokenEntryId(), r.brokenNumber(), r.brokenChainSeq(), r.reason());
                }
            }
            return intact ? 0 : 1;
        }
    }
}
