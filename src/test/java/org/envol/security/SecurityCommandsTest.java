package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envol.security.SecurityTestSupport.unique;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.envol.platform.Commands;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@SecurityTest
class SecurityCommandsTest {

    @Autowired
    Commands commands;
    @Autowired
    SecurityTestSupport.TestInput input;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    EnvolUserDetailsService details;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Books books;

    /** One run of the command line: exit code, standard output, standard error. */
    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    AppUser get(String username) {
        return SystemActor.run("test", () -> users.get(username));
    }

    @AfterEach
    void noTerminal() {
        input.noTerminal();
        input.stdin("");
    }

    @Test
    void userAddReadsThePasswordFromStandardInput() {
        String name = unique("first-admin");
        input.stdin("a-long-secret-1\nignored second line\n");
        Run r = run("user", "add", name, "--name", "Première Admin", "--admin", "--password-stdin");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Utilisateur « " + name + " » créé : Administrateur (tout le club).");
        AppUser created = get(name);
        assertThat(created.isAdmin()).isTrue();
        assertThat(created.displayName()).isEqualTo("Première Admin");
        String hash = details.loadUserByUsername(name).getPassword();
        assertThat(hash).isNotEqualTo("a-long-secret-1");
        assertThat(encoder.matches("a-long-secret-1", hash)).isTrue();
        // the audit log names the command line as the actor
        assertThat(jdbc.sql("select actor from audit_event where object_type = 'user' and object_id = ? and action = 'CREATE'")
                .param(String.valueOf(created.id())).query(String.class).single()).startsWith("cli:");
    }

    @Test
    void userAddGivesRolesPerSectionOrClubWide() {
        Books.Club club = books.club(SecurityTestSupport.sectionCode(), 2026);
        String name = unique("roles");
        input.stdin("a-long-secret-1\n");
        Run r = run("user", "add", name, "--role", "TREASURER", "--section", club.section().code().toLowerCase(),
                "--role", "accountant", "--password-stdin");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(get(name).grants()).containsExactlyInAnyOrder(Grant.inSection(club.id(), Role.TREASURER), Grant.clubWide(Role.ACCOUNTANT));
        assertThat(r.out()).contains("Trésorier (" + club.section().code() + ")", "Vérificateur (tout le club)");
        // a second run does not keep the first run's options
        String plain = unique("plain");
        input.stdin("a-long-secret-1\n");
        assertThat(run("user", "add", plain, "--password-stdin").exit()).isZero();
        assertThat(get(plain).grants()).isEmpty();
    }

    @Test
    void userAddAsksTwiceOnTheTerminalWithoutStdin() {
        String name = unique("typed");
        input.terminal("typed-secret-12", "typed-secret-12");
        assertThat(run("user", "add", name).exit()).isZero();
        assertThat(encoder.matches("typed-secret-12", details.loadUserByUsername(name).getPassword())).isTrue();
        String mistyped = unique("mistyped");
        input.terminal("typed-secret-12", "typed-secret-13");
        Run r = run("user", "add", mistyped);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Les deux mots de passe saisis diffèrent");
        assertThat(SystemActor.run("test", () -> users.find(mistyped))).isEmpty();
    }

    @Test
    void userAddRefusesClearlyAndWritesNothing() {
        String name = unique("refused");
        input.noTerminal();
        Run noTerminal = run("user", "add", name);
        assertThat(noTerminal.exit()).isEqualTo(2);
        assertThat(noTerminal.err()).contains("Pas de terminal", "--password-stdin");
        input.stdin("");
        assertThat(run("user", "add", name, "--password-stdin").err()).contains("Aucun mot de passe lu sur l’entrée standard");
        input.stdin("short\n");
        Run tooShort = run("user", "add", name, "--password-stdin");
        assertThat(tooShort.exit()).isEqualTo(2);
        assertThat(tooShort.err()).contains("Mot de passe trop court : il faut au moins 10 caractères.");
        input.stdin("a-long-secret-1\n");
        assertThat(run("user", "add", name, "--role", "PILOT", "--password-stdin").err()).contains("Rôle inconnu : « PILOT »");
        input.stdin("a-long-secret-1\n");
        assertThat(run("user", "add", name, "--role", "MEMBER", "--section", "NOWHERE", "--password-stdin").err())
                .contains("Section inconnue : « NOWHERE »");
        assertThat(SystemActor.run("test", () -> users.find(name))).isEmpty();
        // a password is never an argument
        assertThat(run("user", "add", name, "--password", "a-long-secret-1").exit()).isNotZero();
    }

    @Test
    void userListShowsNamesRolesAndState() {
        String name = unique("listed");
        SystemActor.run("test", () -> users.create(name, "Louise Listée", "a-long-secret-1", List.of(Grant.clubWide(Role.ACCOUNTANT))));
        Run r = run("user", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("IDENTIFIANT", "RÔLES");
        String line = r.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
        assertThat(line).contains("Louise Listée", "Vérificateur (tout le club)", "actif");
    }

    @Test
    void userGrantRevokePasswordDisableAndEnable() {
        String name = unique("changed");
        SystemActor.run("test", () -> users.create(name, null, "a-long-secret-1", List.of()));
        Books.Club club = books.club(SecurityTestSupport.sectionCode(), 2026);
        assertThat(run("user", "grant", name, "--role", "ADMIN", "--section", club.section().code()).err())
                .contains("Le rôle d’administrateur vaut pour tout le club");
        assertThat(run("user", "grant", name, "--role", "ACCOUNTANT", "--section", club.section().code()).out())
                .contains("Vérificateur (" + club.section().code() + ")");
        assertThat(run("user", "grant", name, "--role", "TREASURER").out()).contains("Trésorier (tout le club)");
        assertThat(run("user", "revoke", name, "--role", "TREASURER").out()).doesNotContain("Trésorier");
        input.stdin("another-secret-2\n");
        assertThat(run("user", "password", name, "--password-stdin").exit()).isZero();
        assertThat(encoder.matches("another-secret-2", details.loadUserByUsername(name).getPassword())).isTrue();
        assertThat(run("user", "disable", name).exit()).isZero();
        assertThat(get(name).enabled()).isFalse();
        assertThat(run("user", "enable", name).exit()).isZero();
        assertThat(get(name).enabled()).isTrue();
        Run unknown = run("user", "disable", "nobody-" + name);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Utilisateur inconnu : « nobody-" + name + " »");
    }

    @Test
    void tokenCreatePrintsTheTokenOnceAndAloneOnStandardOutput() {
        String name = unique("robot");
        SystemActor.run("test", () -> users.create(name, null, "a-long-secret-1", List.of(Grant.clubWide(Role.ACCOUNTANT))));
        Run r = run("token", "create", "--user", name, "--name", "export");
        assertThat(r.exit()).as(r.err()).isZero();
        String token = r.out().strip();
        assertThat(token).matches("envol_[A-Za-z0-9_-]{43}");
        assertThat(r.err()).contains("Copiez-le maintenant");
        assertThat(tokens.authenticate(token)).contains(name);

        Run list = run("token", "list", "--user", name);
        assertThat(list.out()).contains("export", "actif").doesNotContain(token);
        assertThat(run("token", "list").out()).contains(name);

        long id = SystemActor.run("test", () -> tokens.list(name)).get(0).id();
        assertThat(run("token", "revoke", String.valueOf(id)).out()).contains("révoqué");
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(run("token", "list", "--user", name).out()).contains("révoqué le");
        assertThat(run("token", "create", "--user", "nobody-" + name, "--name", "x").exit()).isEqualTo(2);
    }

    @PostgresTest
    static class OnPostgres extends SecurityCommandsTest {
    }
}
