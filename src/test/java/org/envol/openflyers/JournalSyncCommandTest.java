package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.envol.ledger.BalanceService;
import org.envol.platform.Commands;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code envol openflyers journal sync|delete}: dry run, sync, re-sync, refusals with their lines and exit code 1, deletion. */
@SpringBootTest
class JournalSyncCommandTest {

    @Autowired
    Commands commands;
    @Autowired
    Books books;
    @Autowired
    AccountMappings mappings;
    @Autowired
    BalanceService balances;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aScheduledJobSyncsAMonthAndDeletesIt(@TempDir Path dir) throws Exception {
        Books.Club club = books.club(2025);
        SystemActor.run("t", () -> {
            mappings.map(club.id(), "317", "DUPONT Jean", club.member().id());
            return mappings.map(club.id(), "706", "Heures de vol", club.income().id());
        });
        Path file = dir.resolve("gl.csv");
        Files.writeString(file, "Grand livre du 01/03/2025 au 31/03/2025\nNom de compte;DUPONT Jean\nNuméro de compte OF;317\n"
                + ";;;;x;1001;05/03/2025;Vol;150,00;0,00\nHeures de vol;706;70611;;x\n", StandardCharsets.UTF_8);
        String code = club.section().code();
        String[] period = {"--section", code, "--from", "2025-03-01", "--to", "2025-03-31"};

        Run dry = run(concat(new String[] {"openflyers", "journal", "sync", file.toString(), "--dry-run"}, period));
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("1001\t2025-03-05\tVol\t150,00\tNouveau").contains("Nouveaux : 1");
        assertThat(SystemActor.run("t", () -> balances.balanceCents(club.member().id(), java.time.LocalDate.of(2025, 12, 31)))).isZero();

        assertThat(run(concat(new String[] {"openflyers", "journal", "sync", file.toString()}, period)).out())
                .contains("1 écriture(s) créée(s)");
        assertThat(run(concat(new String[] {"openflyers", "journal", "sync", file.toString()}, period)).out())
                .contains("Inchangé").contains("0 écriture(s) créée(s), 0 remplacée(s)");
        assertThat(SystemActor.run("t", () -> balances.balanceCents(club.member().id(), java.time.LocalDate.of(2025, 12, 31)))).isEqualTo(15000);

        Files.writeString(file, Files.readString(file).replace("150,00", "15O,00"));
        Run bad = run(concat(new String[] {"openflyers", "journal", "sync", file.toString()}, period));
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("Ligne 4 : Montant débit « 15O,00 » invalide");

        assertThat(run("openflyers", "journal", "delete", "--section", "NOPE", "--from", "2025-03-01", "--to", "2025-03-31").err())
                .contains("Section « NOPE » inconnue.");
        Run deleted = run(concat(new String[] {"openflyers", "journal", "delete"}, period));
        assertThat(deleted.out()).contains("1 supprimée(s)");
        assertThat(SystemActor.run("t", () -> balances.balanceCents(club.member().id(), java.time.LocalDate.of(2025, 12, 31)))).isZero();
    }

    @Test
    void theJournalCommandsAreUnderOpenFlyersOnly() {
        // without its subcommand, each group prints its usage
        assertThat(run("openflyers", "journal").err()).contains("openflyers journal").contains("sync").contains("delete");
        assertThat(run("openflyers").err()).contains("journal").contains("balances");
        // listed as a subcommand of openflyers, so not a root command of its own
        assertThat(run("--help").out()).contains("openflyers").doesNotContain("journal");
        assertThat(run("journal", "delete", "--section", "X", "--from", "2025-03-01", "--to", "2025-03-31").exit()).isNotZero();
        assertThat(run("openflyers-journal", "delete", "--section", "X", "--from", "2025-03-01", "--to", "2025-03-31").exit()).isNotZero();
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
