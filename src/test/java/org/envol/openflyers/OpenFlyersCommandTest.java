package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.platform.Commands;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OpenFlyersCommandTest {

    @Autowired
    Commands commands;
    @Autowired
    Books books;
    @Autowired
    AccountMappings mappings;
    @Autowired
    AccountService accounts;
    @Autowired
    BalanceService balances;

    @TempDir
    Path dir;

    Books.Club club;
    Path file;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        club = books.club(2025);
        file = dir.resolve("balance.csv");
        Files.writeString(file, "ID;Nom;Profil;Type de compte;Balance\n359;DUPOND Jean;Pilote;Compte pilote;-125.50\n"
                + "412;MARTIN Anne;Eleve;Compte pilote;300\n", StandardCharsets.UTF_8);
    }

    @Test
    void mapThenInitialiseAllMappedThenCheck() {
        String code = club.section().code();
        Run unmapped = run("openflyers", "balances", "check", file.toString(), "--section", code, "--date", "2025-01-01");
        assertThat(unmapped.out()).contains("2 compte(s) du fichier ne sont pas associés").doesNotContain("Les soldes sont synchronisés");
        Run mapped = run("openflyers", "map", "--section", code, "--openflyers-id", "359", "--name", "DUPOND Jean",
                "--account", Long.toString(club.member().id()));
        assertThat(mapped.code()).as(mapped.err()).isZero();
        assertThat(run("openflyers", "map", "--section", code, "--openflyers-id", "412", "--ignore").code()).isZero();
        assertThat(SystemActor.run("t", () -> mappings.find(club.id(), "412")).orElseThrow().ignored()).isTrue();

        Run dry = run("openflyers", "balances", "init", file.toString(), "--section", code, "--date", "2025-01-01", "--all-mapped", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("359 DUPOND Jean : -125,50", "1 compte(s) seraient initialisés");
        assertThat(SystemActor.run("t", () -> balances.balanceCents(club.member().id(), java.time.LocalDate.of(2025, 1, 1)))).isZero();

        Run init = run("openflyers", "balances", "init", file.toString(), "--section", code, "--date", "2025-01-01", "--all-mapped");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("Compte 102", "1 compte(s) initialisé(s)");
        assertThat(SystemActor.run("t", () -> balances.balanceCents(club.member().id(), java.time.LocalDate.of(2025, 1, 1)))).isEqualTo(12550);

        Run again = run("openflyers", "balances", "init", file.toString(), "--section", code, "--date", "2025-01-01", "--all-mapped");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Aucun compte à initialiser.");
        Run refused = run("openflyers", "balances", "init", file.toString(), "--section", code, "--date", "2025-01-01", "--accounts", "359");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("Le compte OpenFlyers 359 (DUPOND Jean) a déjà son solde initial.");

        Run check = run("openflyers", "balances", "check", file.toString(), "--section", code, "--date", "2025-01-01");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("1 compte(s) associé(s), 0 différent(s), 0 non associé(s), 1 ignoré(s).", "Les soldes sont synchronisés.");
        Run before = run("openflyers", "balances", "check", file.toString(), "--section", code, "--date", "2024-12-31");
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.out()).contains("359 DUPOND Jean → " + club.member().display() + " : OpenFlyers -125,50, Envol 0,00, écart -125,50");
    }

    @Test
    void errorsExitNonZeroWithTheirMessage() throws Exception {
        Files.writeString(file, "ID;Nom\n1;A\n");
        Run bad = run("openflyers", "balances", "check", file.toString(), "--section", club.section().code(), "--date", "2025-01-01");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("Ligne 1 : ce n’est pas une « balance des comptes utilisateurs »");
        Run unknown = run("openflyers", "balances", "check", file.toString(), "--section", "NOPE", "--date", "2025-01-01");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("Section « NOPE » inconnue.");
        Run neither = run("openflyers", "balances", "init", file.toString(), "--section", club.section().code(), "--date", "2025-01-01");
        assertThat(neither.code()).isEqualTo(1);
        assertThat(neither.err()).contains("Indiquez --accounts ou --all-mapped.");
        assertThat(run("openflyers", "map", "--section", club.section().code(), "--openflyers-id", "1").code()).isNotZero();
    }
}
