package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Entry;
import org.envol.ledger.LedgerService;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.testing.Acting;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class BalanceImportTest {

    static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    @Autowired
    BalanceImport balances;
    @Autowired
    BalanceCheck check;
    @Autowired
    AccountMappings mappings;
    @Autowired
    AccountService accounts;
    @Autowired
    BalanceService ledgerBalances;
    @Autowired
    LedgerService ledger;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;

    Books.Club club;
    Books.Club other;
    Account anne;
    BalanceFile file;

    static BalanceFile file(String rows) {
        return BalanceFile.read(("ID;Nom;Profil;Type de compte;Balance\n" + rows).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void setUp() {
        club = books.club(2025);
        other = books.club(2025);
        anne = SystemActor.run("t", () -> accounts.create(club.id(), "411", "MARTIN Anne"));
        file = file("359;DUPOND Jean;Pilote;Compte pilote;-125.50\n412;MARTIN Anne;Eleve;Compte pilote;300\n"
                + "500;BAPTEMES;Pilote;Compte pilote;40\n600;INCONNU;Pilote;Compte pilote;12\n");
        SystemActor.run("t", () -> {
            mappings.map(club.id(), "359", "DUPOND Jean", club.member().id());
            mappings.map(club.id(), "412", "MARTIN Anne", anne.id());
            return mappings.map(club.id(), "500", "BAPTEMES", null);
        });
    }

    List<String> as(Books.Club c, Role role) {
        return List.of(Authorities.section(c.id(), role));
    }

    BalanceImport.Result init(java.util.Collection<String> ids, boolean createFunds) {
        return Acting.as("t", as(club, Role.TREASURER), () -> balances.initialise(club.id(), file, ids, DAY, createFunds, false));
    }

    long balance(Account a) {
        return SystemActor.run("t", () -> ledgerBalances.balanceCents(a.id(), DAY));
    }

    @Test
    void eachTickedAccountGetsOneOpeningEntryAgainst102CreatedWithConsent() {
        assertThatThrownBy(() -> init(List.of("359", "412"), false))
                .isInstanceOfSatisfying(OpenFlyersException.class, e -> assertThat(e.key()).isEqualTo("openflyers.init.funds.missing"));
        assertThat(SystemActor.run("t", () -> balances.funds(club.id()))).isEmpty();

        BalanceImport.Result r = init(List.of("359", "412"), true);
        assertThat(r.fundsCreated()).isTrue();
        Account funds = r.funds();
        assertThat(funds.code()).isEqualTo("102");
        // OpenFlyers -125.50 (pilot owes): Envol debit 411; 300 (pilot in credit): Envol credit 411
        assertThat(balance(club.member())).isEqualTo(12550);
        assertThat(balance(anne)).isEqualTo(-30000);
        assertThat(balance(funds)).isEqualTo(30000 - 12550);
        Entry e = SystemActor.run("t", () -> ledger.get(r.report().items().get(1).newEntryId()));
        assertThat(e.lines()).extracting(l -> l.accountId() + ":" + l.amountCents())
                .containsExactly(funds.id() + ":30000", anne.id() + ":-30000");
        assertThat(e.date()).isEqualTo(DAY);
        assertThat(e.label()).isEqualTo("Solde initial OpenFlyers MARTIN Anne");

        assertThat(SystemActor.run("t", () -> balances.preview(club.id(), file)))
                .extracting(a -> a.line().openFlyersId() + ":" + a.initialised() + ":" + a.tickable())
                .containsExactly("359:true:false", "412:true:false", "500:false:false", "600:false:false");
    }

    @Test
    void anInitialisedAccountIsRefusedAndNothingChanges() {
        init(List.of("359"), true);
        long entries = entriesOfSection();
        assertThatThrownBy(() -> init(List.of("412", "359"), true))
                .isInstanceOfSatisfying(OpenFlyersException.class, e -> {
                    assertThat(e.key()).isEqualTo("openflyers.init.already");
                    assertThat(e.args()).containsExactly("359", "DUPOND Jean");
                });
        // all or nothing: 412 was not written either
        assertThat(entriesOfSection()).isEqualTo(entries);
        assertThat(balance(anne)).isZero();
        assertThat(balance(club.member())).isEqualTo(12550);
    }

    @Test
    void unmappedIgnoredAbsentOrEmptySelectionsAreRefused() {
        assertThatThrownBy(() -> init(List.of("500"), true)).isInstanceOfSatisfying(OpenFlyersException.class,
                e -> assertThat(e.key()).isEqualTo("openflyers.init.notMapped"));
        assertThatThrownBy(() -> init(List.of("600"), true)).isInstanceOfSatisfying(OpenFlyersException.class,
                e -> assertThat(e.key()).isEqualTo("openflyers.init.notMapped"));
        assertThatThrownBy(() -> init(List.of("999"), true)).isInstanceOfSatisfying(OpenFlyersException.class,
                e -> assertThat(e.key()).isEqualTo("openflyers.init.notInFile"));
        assertThatThrownBy(() -> init(List.of(), true)).isInstanceOfSatisfying(OpenFlyersException.class,
                e -> assertThat(e.key()).isEqualTo("openflyers.init.none"));
        assertThat(SystemActor.run("t", () -> balances.funds(club.id()))).isEmpty();
    }

    @Test
    void aDateOutsideTheFiscalYearsRefusesAllEven102() {
        assertThatThrownBy(() -> Acting.as("t", as(club, Role.TREASURER),
                () -> balances.initialise(club.id(), file, List.of("359", "412"), LocalDate.of(2030, 1, 1), true, false)))
                .isInstanceOf(org.envol.ledger.RejectedException.class);
        assertThat(SystemActor.run("t", () -> balances.funds(club.id()))).isEmpty();
        assertThat(entriesOfSection()).isZero();
    }

    @Test
    void aDryRunWritesNothing() {
        BalanceImport.Result r = Acting.as("t", as(club, Role.TREASURER),
                () -> balances.initialise(club.id(), file, List.of("412"), DAY, true, true));
        assertThat(r.dryRun()).isTrue();
        assertThat(r.initialised()).hasSize(1);
        assertThat(r.fundsCreated()).isTrue();
        assertThat(SystemActor.run("t", () -> balances.funds(club.id()))).isEmpty();
        assertThat(balance(anne)).isZero();
    }

    @Test
    void onlyTheSectionsTreasurerOrAnAdminInitialises() {
        for (List<String> who : List.of(as(club, Role.ACCOUNTANT), as(club, Role.MEMBER), as(other, Role.TREASURER))) {
            assertThatThrownBy(() -> Acting.as("x", who, () -> balances.initialise(club.id(), file, List.of("412"), DAY, true, false)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(SystemActor.run("admin", () -> balances.initialise(club.id(), file, List.of("412"), DAY, true, false)).initialised())
                .hasSize(1);
    }

    @Test
    void theCheckComparesWithOpenFlyersSignAndCountsTheDifferences() {
        init(List.of("359", "412"), true);
        BalanceCheck.Report same = Acting.as("a", as(club, Role.ACCOUNTANT), () -> check.check(club.id(), file, DAY));
        assertThat(same.rows()).extracting(r -> r.line().openFlyersId() + ":" + r.openFlyersCents() + ":" + r.envolCents())
                .containsExactly("359:-12550:-12550", "412:30000:30000");
        assertThat(same.differing()).isZero();
        assertThat(same.unmapped()).extracting(BalanceLine::openFlyersId).containsExactly("600");
        assertThat(same.ignored()).extracting(BalanceLine::openFlyersId).containsExactly("500");

        // Anne flew for 20 € in OpenFlyers, not yet synchronised
        BalanceFile later = file("359;DUPOND Jean;Pilote;Compte pilote;-125.5\n412;MARTIN Anne;Eleve;Compte pilote;280\n");
        BalanceCheck.Report differs = SystemActor.run("t", () -> check.check(club.id(), later, DAY));
        assertThat(differs.differing()).isEqualTo(1);
        BalanceCheck.Row row = differs.rows().get(1);
        assertThat(row.differenceCents()).isEqualTo(-2000);
        assertThat(differs.inStep()).isFalse();

        // before the opening date nothing is in Envol yet
        assertThat(SystemActor.run("t", () -> check.check(club.id(), file, DAY.minusDays(1))).differing()).isEqualTo(2);
        assertThatThrownBy(() -> Acting.as("x", as(other, Role.TREASURER), () -> check.check(club.id(), file, DAY)))
                .isInstanceOf(AccessDeniedException.class);
    }

    long entriesOfSection() {
        return jdbc.sql("select count(*) from entry where section_id = ?").param(club.id()).query(Long.class).single();
    }

    @PostgresTest
    static class OnPostgres extends BalanceImportTest {
    }
}
