package org.envol.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.envol.platform.Commands;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code envol member import FILE [--dry-run]}: what it did, or every problem and a non-zero exit. */
@SpringBootTest
class MemberCommandTest {

    @Autowired
    Commands commands;
    @Autowired
    MemberService members;
    @Autowired
    Books books;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void importsAFileAfterADryRunThenFindsNothingToChange() throws Exception {
        Club club = books.club(2025);
        String email = "cli." + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        Path file = dir.resolve("membres.csv");
        Files.write(file, ("nom;prénom;e-mail;date_naissance;sections\nLefèvre;Agnès;" + email + ";14/07/1985;" + club.section().code() + "\n")
                .getBytes(Charset.forName("windows-1252")));
        Run dry = run("member", "import", file.toString(), "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("ligne 2 : LEFÈVRE Agnès nouveau (sections " + club.section().code() + ")")
                .contains("Aperçu, rien n’est écrit : 1 nouveau(x), 0 modifié(s), 0 inchangé(s) (fichier lu en Windows-1252, séparateur « ; »).");
        assertThat(SystemActor.run("test", () -> members.findByEmail(email))).isEmpty();
        Run done = run("member", "import", file.toString());
        assertThat(done.exit()).isZero();
        assertThat(done.out()).contains("Importé : 1 nouveau(x)");
        assertThat(SystemActor.run("test", () -> members.findByEmail(email))).isPresent();
        Run again = run("member", "import", file.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("Importé : 0 nouveau(x), 0 modifié(s), 1 inchangé(s)");
    }

    @Test
    void aBadFileExitsNonZeroWithEveryProblem() throws Exception {
        Path file = dir.resolve("erreurs.csv");
        Files.writeString(file, "nom,prenom,email,date_naissance,sections\nSans,Section,x@exemple.fr,1990-13-01,INCONNUE\n",
                StandardCharsets.UTF_8);
        Run bad = run("member", "import", file.toString());
        assertThat(bad.exit()).isEqualTo(MemberCommand.REFUSED);
        assertThat(bad.err()).contains("Ligne 2 : Date de naissance « 1990-13-01 » invalide")
                .contains("Ligne 2 : Section inconnue : INCONNUE.").contains("2 problème(s) : rien n’est importé.");
        Run missing = run("member", "import", dir.resolve("absent.csv").toString());
        assertThat(missing.exit()).isEqualTo(MemberCommand.REFUSED);
        assertThat(missing.err()).contains("Fichier introuvable");
    }
}
