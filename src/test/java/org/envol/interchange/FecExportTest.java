package org.envol.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.platform.Commands;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** The FEC of a small fiscal year, line by line; its refusals; its commands. */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class FecExportTest {

    static final String SIREN = "123456782";

    @Autowired
    FecExport export;
    @Autowired
    FecCheck check;
    @Autowired
    ClubSettings settings;
    @Autowired
    LedgerService ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    Books books;
    @Autowired
    Commands commands;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Club club;
    Account supplier;
    Account carriedForward;

    @BeforeEach
    void setUp() {
        settings.set("siren", SIREN);
        club = books.club(2025);
        supplier = accounts.create(club.id(), "401", "Aéro Fournitures");
        carriedForward = accounts.create(club.id(), "110", "Report à nouveau");
    }

    /** Posts and validates the year: OD and AC first, the opening entry (AN) last, yet it comes first in the FEC. */
    List<Entry> smallYear() {
        Entry od = ledger.post(EntryDraft.manual(club.id(), "OD", LocalDate.of(2025, 3, 1), "Cotisation", "C-1",
                List.of(LineDraft.of(club.bank().id(), 10000, "Cotisation\tJean | 2025"),
                        LineDraft.of(club.member().id(), -10000))));
        Entry ac = ledger.post(EntryDraft.manual(club.id(), "AC", LocalDate.of(2025, 4, 10), "Carburant avril", null,
                List.of(LineDraft.of(club.expense().id(), 5050), LineDraft.of(supplier.id(), -5050))));
        ledger.freeze(List.of(ac.id(), od.id()));
        Entry an = ledger.post(EntryDraft.manual(club.id(), "AN", LocalDate.of(2025, 1, 1), "Ouverture", "",
                List.of(LineDraft.of(club.bank().id(), 100000), LineDraft.of(carriedForward.id(), -100000))));
        ledger.freeze(List.of(an.id()));
        return List.of(ledger.get(an.id()), ledger.get(od.id()), ledger.get(ac.id()));
    }

    static String validDate(Entry e) {
        return e.frozenAt().atZone(FecExport.ZONE).toLocalDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Test
    void exportsTheValidatedYearLineByLineAndPassesTheCheck() throws Exception {
        List<Entry> e = smallYear();
        String an = validDate(e.get(0));
        String od = validDate(e.get(1));
        String ac = validDate(e.get(2));
        String member = "411" + String.format("%08d", club.member().id());
        String supplierNo = "401" + String.format("%08d", supplier.id());
        FecExport.FecFile file = export.export(club.year().id());
        try {
            assertThat(file.name()).isEqualTo("123456782FEC20251231.txt");
            assertThat(file.lines()).isEqualTo(7);
            byte[] bytes = Files.readAllBytes(file.path());
            assertThat(bytes[0]).isEqualTo((byte) 'J');
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).endsWith("\r\n");
            assertThat(text.split("\r\n", -1)).containsExactly(
                    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef"
                            + "\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise",
                    "AN\tÀ-nouveaux\tAN-1\t20250101\t512\tBanque\t\t\tAN-1\t20250101\tOuverture\t1000,00\t0,00\t\t\t" + an + "\t\t",
                    "AN\tÀ-nouveaux\tAN-1\t20250101\t110\tReport à nouveau\t\t\tAN-1\t20250101\tOuverture\t0,00\t1000,00\t\t\t" + an + "\t\t",
                    "OD\tOpérations diverses\tOD-1\t20250301\t512\tBanque\t\t\tC-1\t20250301\tCotisation Jean 2025\t100,00\t0,00\t\t\t"
                            + od + "\t\t",
                    "OD\tOpérations diverses\tOD-1\t20250301\t411\tAdhérents, usagers (comptes pilotes, auxiliaire par membre)\t"
                            + member + "\tDupont Jean\tC-1\t20250301\tCotisation\t0,00\t100,00\t\t\t" + od + "\t\t",
                    "AC\tAchats\tAC-1\t20250410\t6061\tCarburant\t\t\tAC-1\t20250410\tCarburant avril\t50,50\t0,00\t\t\t" + ac + "\t\t",
                    "AC\tAchats\tAC-1\t20250410\t401\tFournisseurs\t" + supplierNo
                            + "\tAéro Fournitures\tAC-1\t20250410\tCarburant avril\t0,00\t50,50\t\t\t" + ac + "\t\t",
                    "");
            assertThat(check.check(file.path())).isEmpty();
        } finally {
            Files.deleteIfExists(file.path());
        }
    }

    @Test
    void anAccountOfATwoDigitCodeIsWrittenWithThreeDigitsAndPassesTheCheck() throws Exception {
        Account grants = accounts.create(club.id(), "74", "Subventions");
        Entry e = ledger.post(EntryDraft.manual(club.id(), "BQ", LocalDate.of(2025, 6, 1), "Subvention mairie", null,
                List.of(LineDraft.of(club.bank().id(), 200000), LineDraft.of(grants.id(), -200000))));
        ledger.freeze(List.of(e.id()));
        FecExport.FecFile file = export.export(club.year().id());
        try {
            assertThat(Files.readString(file.path())).contains("\t740\tSubventions\t");
            assertThat(check.check(file.path())).isEmpty();
        } finally {
            Files.deleteIfExists(file.path());
        }
    }

    @Test
    void refusesAYearWithUnvalidatedEntriesNamingHowMany() {
        smallYear();
        ledger.post(club.draft(LocalDate.of(2025, 5, 1), "Pas encore validée", club.bank(), club.member(), 100));
        ledger.saveDraft(club.draft(LocalDate.of(2025, 5, 2), "Brouillon", club.bank(), club.member(), 100));
        assertThatThrownBy(() -> export.export(club.year().id())).isInstanceOfSatisfying(InterchangeException.class, ex -> {
            assertThat(ex.key()).isEqualTo("interchange.fec.unvalidated");
            assertThat(ex.args()).containsExactly(2L);
        });
    }

    @Test
    void refusesWithoutSirenAndRejectsAnInvalidOne() {
        jdbc.sql("delete from club_setting where setting_name = 'siren'").update();
        try {
            assertThatThrownBy(() -> export.export(club.year().id())).isInstanceOfSatisfying(InterchangeException.class,
                    ex -> assertThat(ex.key()).isEqualTo("interchange.siren.missing"));
            assertThatThrownBy(() -> settings.set("siren", "123456789")).isInstanceOfSatisfying(InterchangeException.class,
                    ex -> assertThat(ex.key()).isEqualTo("interchange.siren.invalid"));
            assertThatThrownBy(() -> settings.set("siren", "12345678")).isInstanceOf(InterchangeException.class);
            assertThat(settings.siren()).isEmpty();
        } finally {
            settings.set("siren", SIREN);
        }
    }

    @Test
    void settingTheSirenIsAudited() {
        settings.set("siren", "732829320");
        settings.set("siren", SIREN);
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'club_setting' and object_id = 'siren'"
                + " and after_value like :v").param("v", "%" + SIREN + "%").query(Long.class).single()).isPositive();
    }

    @Test
    void aMemberCannotExportNorSetTheSiren() {
        smallYear();
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("member", null, List.of(
                new SimpleGrantedAuthority(Authorities.section(club.id(), Role.MEMBER)),
                new SimpleGrantedAuthority(Authorities.account(club.member().id())))));
        SecurityContextHolder.setContext(context);
        try {
            assertThatThrownBy(() -> export.export(club.year().id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> settings.set("siren", SIREN)).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void commandsSetTheSirenExportIntoADirectoryAndCheck() throws Exception {
        assertThat(run("setting", "set", "siren", "123 456 782")).containsExactly("0", "siren = 123456782\n", "");
        assertThat(run("setting", "get", "siren")[1]).isEqualTo("siren = 123456782\n");
        String[] bad = run("setting", "set", "siren", "123456789");
        assertThat(bad[0]).isEqualTo("1");
        assertThat(bad[2]).contains("SIREN « 123456789 » invalide");

        smallYear();
        String[] exported = run("export", "fec", "--section", club.section().code(), "--year", "2025", "--out", dir.toString());
        assertThat(exported[0]).isEqualTo("0");
        assertThat(exported[1]).contains("123456782FEC20251231.txt").contains("7 lignes");
        Path file = dir.resolve("123456782FEC20251231.txt");
        assertThat(Files.readAllLines(file)).hasSize(7);
        assertThat(run("check", "fec", file.toString())).containsExactly("0", "Aucun problème : le fichier est conforme.\n", "");

        Files.writeString(file, Files.readString(file).replace("50,50", "50.50"));
        String[] checked = run("check", "fec", file.toString());
        assertThat(checked[0]).isEqualTo("1");
        assertThat(checked[1]).contains("Ligne 6, colonne Debit : erreur : montant « 50.50 » avec un point décimal");

        String[] noYear = run("export", "fec", "--section", club.section().code(), "--year", "2019", "--out", dir.toString());
        assertThat(noYear[0]).isEqualTo("1");
        assertThat(noYear[2]).contains("pas d’exercice commençant en 2019");
    }

    @PostgresTest
    static class OnPostgres extends FecExportTest {
    }
}
