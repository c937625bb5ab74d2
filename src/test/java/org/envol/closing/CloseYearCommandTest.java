package org.envol.closing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.LedgerService;
import org.envol.platform.Commands;
import org.envol.security.SystemActor;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code envol close-year}: dry run, refusals with their messages and exit code, confirmation of the bank, validation, reopening. */
@SpringBootTest
class CloseYearCommandTest {

    @Autowired
    Commands commands;
    @Autowired
    Books books;
    @Autowired
    LedgerService ledger;
    @Autowired
    EntrySearch search;
    @Autowired
    FiscalYearService years;
    @Autowired
    JdbcClient jdbc;

    Club club;
    String code;

    @BeforeEach
    void setUp() {
        club = books.club(2024);
        code = club.section().code();
        SystemActor.run("test", () -> {
            for (var d : List.of(club.draft(LocalDate.of(2024, 3, 1), "Vols", club.member(), club.income(), 50_000),
                    club.draft(LocalDate.of(2024, 3, 10), "Règlement", club.bank(), club.member(), 40_000),
                    club.draft(LocalDate.of(2024, 4, 1), "Carburant", club.expense(), club.bank(), 12_000))) {
                ledger.freeze(List.of(ledger.post(d).id()));
            }
        });
    }

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    int entries() {
        return SystemActor.run("test", () -> search.search(EntryFilter.all(club.id()), 0, 500).entries().size());
    }

    boolean closed() {
        return SystemActor.run("test", () -> years.find(club.year().id()).orElseThrow().closed());
    }

    @Test
    void aDryRunPrintsTheEntriesAndTheChecklistAndWritesNothing() {
        int before = entries();
        Run r = run("close-year", "--section", code, "--year", "2024", "--dry-run");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Clôture de l’exercice du 01/01/2024 au 31/12/2024 — aperçu, rien n’est écrit.")
                .contains("Résultat de l’exercice : excédent de 380,00 €.")
                .contains("La clôture créera le compte 120 Résultat de l'exercice (excédent).")
                .contains("OD  31/12/2024 Résultat de l’exercice 2024  [à passer]")
                .contains("AN  01/01/2025 À-nouveaux 2025 (clôture 2024)  [à passer]")
                .containsPattern("6061 Carburant\\s+120,00\n")
                .containsPattern("706 Prestations\\s+500,00\\s+\n")
                .containsPattern("512 Banque\\s+280,00\\s+\n")
                .contains("Liste de contrôle :")
                .contains("[OK] Toutes les écritures de l’exercice sont validées (gelées).")
                .contains("[À faire] Solde de 512 Banque au 31/12/2024 : 280,00 € — à confirmer avec le relevé bancaire. [compte "
                        + club.bank().id() + "]");
        assertThat(entries()).isEqualTo(before);
        assertThat(closed()).isFalse();
    }

    @Test
    void withoutDryRunAFailedChecklistExitsNonZeroListingTheFailures() {
        int before = entries();
        Run r = run("close-year", "--section", code, "--year", "2024", "--create-accounts");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly(
                "Clôture refusée : 1 point(s) de la liste de contrôle ne sont pas satisfaits. Rien n’a été écrit.",
                "Solde de 512 Banque au 31/12/2024 : 280,00 € — à confirmer avec le relevé bancaire.");
        assertThat(entries()).isEqualTo(before);
        assertThat(closed()).isFalse();
    }

    @Test
    void confirmTheBankThenCloseOnceThenReopen() {
        String bank = Long.toString(club.bank().id());
        Run wrong = run("close-year", "confirm-bank", "--section", code, "--year", "2024", "--account", bank, "--balance", "280,01");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("Les comptes montrent 280,00 € pour 512 Banque au 31/12/2024, et non 280,01 €");
        assertThat(run("close-year", "confirm-bank", "--section", code, "--year", "2024", "--account", bank, "--balance", "douze")
                .err()).contains("Montant « douze » illisible");
        Run confirmed = run("close-year", "confirm-bank", "--section", code, "--year", "2024", "--account", bank, "--balance", "280,00");
        assertThat(confirmed.code()).isZero();
        assertThat(confirmed.out()).isEqualTo("Solde de 512 Banque au 31/12/2024 confirmé : 280,00 €.\n");
        assertThat(jdbc.sql("select confirmed_by from closing_bank_confirmation where fiscal_year_id = ?").param(club.year().id())
                .query(String.class).single()).startsWith("cli:");

        Run noConsent = run("close-year", "--section", code, "--year", "2024");
        assertThat(noConsent.code()).isEqualTo(1);
        assertThat(noConsent.err()).contains("La clôture doit créer les comptes suivants : 120 Résultat de l'exercice (excédent).")
                .contains("--create-accounts");
        assertThat(closed()).isFalse();

        Run done = run("close-year", "--section", code, "--year", "2024", "--create-accounts", "--carry-to", "funds");
        assertThat(done.code()).isZero();
        assertThat(done.out()).startsWith("Exercice du 01/01/2024 au 31/12/2024 clôturé : 2 écriture(s) de clôture validée(s).\n")
                .contains("Résultat de l’exercice 2024").contains("AN-1");
        assertThat(closed()).isTrue();

        Run again = run("close-year", "--section", code, "--year", "2024", "--create-accounts");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("est déjà clôturé");

        Run noReason = run("close-year", "reopen", "--section", code, "--year", "2024");
        assertThat(noReason.code()).isNotZero();
        assertThat(closed()).isTrue();
        Run reopened = run("close-year", "reopen", "--section", code, "--year", "2024", "--reason", "Relevé corrigé", "--reverse");
        assertThat(reopened.code()).isZero();
        assertThat(reopened.out()).contains("rouvert ; 2 écriture(s) de clôture contre-passée(s)");
        assertThat(closed()).isFalse();
        assertThat(jdbc.sql("select actor from audit_event where action = 'REOPEN_YEAR' and object_id = ?")
                .param(Long.toString(club.year().id())).query(String.class).single()).startsWith("cli:");
    }

    @Test
    void badArgumentsExitNonZeroWithAMessage() {
        Run unknown = run("close-year", "--section", "NOPE-" + code, "--year", "2024", "--dry-run");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("Section inconnue : NOPE-" + code);
        Run noYear = run("close-year", "--section", code, "--year", "2019", "--dry-run");
        assertThat(noYear.code()).isEqualTo(1);
        assertThat(noYear.err()).contains("n’a pas d’exercice commençant en 2019");
        Run carry = run("close-year", "--section", code, "--year", "2024", "--carry-to", "ailleurs", "--dry-run");
        assertThat(carry.code()).isEqualTo(1);
        assertThat(carry.err()).contains("Affectation « ailleurs » inconnue");
        Run nothing = run("close-year");
        assertThat(nothing.code()).isEqualTo(1);
        assertThat(nothing.err()).contains("Indiquez --section CODE et --year YYYY");
        Run notBank = run("close-year", "confirm-bank", "--section", code, "--year", "2024", "--account",
                Long.toString(club.member().id()), "--balance", "100");
        assertThat(notBank.code()).isEqualTo(1);
        assertThat(notBank.err()).contains("n’est pas un compte bancaire");
    }
}
