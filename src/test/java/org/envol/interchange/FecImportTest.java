package org.envol.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Entry;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.EntryFilter;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.FiscalYearService;
import org.envol.ledger.JournalService;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Source;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.TrialBalance;
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

/**
 * The FEC import: a round trip through the export, each bad input named by its line with
 * nothing written, encodings and separators, consent, re-import, access, the command.
 */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class FecImportTest {

    static final String HEADER = String.join("\t", FecCheck.COLUMNS);

    @Autowired
    FecImport imports;
    @Autowired
    FecExport export;
    @Autowired
    ClubSettings settings;
    @Autowired
    LedgerService ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    JournalService journals;
    @Autowired
    FiscalYearService years;
    @Autowired
    BalanceService balances;
    @Autowired
    EntrySearch search;
    @Autowired
    Books books;
    @Autowired
    Commands commands;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Club club;

    @BeforeEach
    void setUp() {
        club = books.club(2025);
    }

    /** One FEC line, the 18 columns in the law's order; ValidDate and the rest as an export would leave them. */
    static String line(String journal, String num, String date, String account, String accountLib, String aux, String auxLib,
            String piece, String label, String debit, String credit) {
        return String.join("\t", journal, journal + " journal", num, date, account, accountLib, aux, auxLib, piece, date, label,
                debit, credit, "", "", date, "", "");
    }

    /** A two-line entry: bank 512 debit, member 411 (subsidiary Dupont Jean) credit. */
    static List<String> payment(String num, String date, String amount) {
        return List.of(line("BQ", num, date, "512", "Banque", "", "", "P" + num, "Cotisation " + num, amount, "0,00"),
                line("BQ", num, date, "411", "Adhérents", "41100001", "Dupont Jean", "P" + num, "Cotisation " + num, "0,00", amount));
    }

    Path file(String name, Charset charset, String... lines) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, (String.join("\r\n", lines) + "\r\n").getBytes(charset));
        return p;
    }

    Path fec(List<String> lines) throws Exception {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(lines);
        return file("fec-" + System.nanoTime() + ".txt", StandardCharsets.UTF_8, all.toArray(String[]::new));
    }

    FecImport.Report run(Path file, boolean createAccounts) {
        return imports.importFile(club.id(), file, FecImport.Options.of(createAccounts, false));
    }

    List<Entry> entries(Club c) {
        return search.search(EntryFilter.all(c.id()), 0, 500).entries();
    }

    /** Balances by account code and label: what two sections' books can be compared by. */
    Map<String, Long> trialBalance(Club c) {
        TrialBalance tb = balances.trialBalance(c.id(), c.year().startDate(), c.year().endDate());
        Map<String, Long> out = new TreeMap<>();
        tb.rows().stream().filter(r -> r.closingCents() != 0 || r.debitCents() != 0)
                .forEach(r -> out.put(r.account().code() + " " + r.account().label(), r.closingCents()));
        return out;
    }

    static List<String> keys(FecImport.Report r) {
        return r.problems().stream().map(p -> p.line() + ":" + p.key().substring(FecProblem.IMPORT.length())).toList();
    }

    /** The books of the section, to check that a refused import wrote nothing. */
    String snapshot(Club c) {
        return entries(c).size() + " entries, " + accounts.list(c.id()) + ", " + journals.list();
    }

    @Test
    void aFecExportedByEnvolImportsIntoAnotherSectionWithTheSameTrialBalance() throws Exception {
        settings.set("siren", "123456782");
        Club source = books.club(2025);
        Account supplier = accounts.create(source.id(), "401", "Aéro Fournitures");
        Account funds = accounts.create(source.id(), "110", "Report à nouveau");
        List<Long> ids = new ArrayList<>();
        ids.add(ledger.post(EntryDraft.manual(source.id(), "AN", LocalDate.of(2025, 1, 1), "Ouverture", null,
                List.of(LineDraft.of(source.bank().id(), 100000), LineDraft.of(funds.id(), -100000)))).id());
        ids.add(ledger.post(EntryDraft.manual(source.id(), "OD", LocalDate.of(2025, 3, 1), "Cotisation", "C-1",
                List.of(LineDraft.of(source.bank().id(), 10000, "Cotisation de Jean"), LineDraft.of(source.member().id(), -10000)))).id());
        ids.add(ledger.post(EntryDraft.manual(source.id(), "AC", LocalDate.of(2025, 4, 10), "Carburant avril", null,
                List.of(LineDraft.of(source.expense().id(), 5050), LineDraft.of(supplier.id(), -5050)))).id());
        ids.add(ledger.post(source.draft(LocalDate.of(2025, 5, 2), "Vol", source.member(), source.income(), 12345)).id());
        // a second account of code 706: the FEC tells it from « 706 Prestations » by its CompteLib only
        Account bar = accounts.create(source.id(), "706", "Buvette");
        ids.add(ledger.post(source.draft(LocalDate.of(2025, 5, 3), "Buvette", source.bank(), bar, 450)).id());
        ledger.freeze(ids);
        FecExport.FecFile exported = export.export(source.year().id());
        try {
            FecImport.Report first = run(exported.path(), true);
            assertThat(first.ok()).as(keys(first).toString()).isTrue();
            assertThat(first.applied()).isTrue();
            assertThat(first.entries()).isEqualTo(5);
            assertThat(first.entryLines()).isEqualTo(10);
            assertThat(first.count(SyncOutcome.CREATED)).isEqualTo(5);
            // Books.club already has 512 Banque, 411 Dupont Jean, 706, 6061: only the supplier and 110 are new
            assertThat(first.accountsToCreate()).extracting(FecImport.NewAccount::code, FecImport.NewAccount::label)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("401", "Aéro Fournitures"),
                            org.assertj.core.groups.Tuple.tuple("110", "Report à nouveau"),
                            org.assertj.core.groups.Tuple.tuple("706", "Buvette"));
            assertThat(trialBalance(club)).isEqualTo(trialBalance(source)).isNotEmpty();
            List<Entry> imported = entries(club);
            assertThat(imported).hasSize(5).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(org.envol.ledger.EntryStatus.POSTED);
                assertThat(e.source().kind()).isEqualTo("fec");
            });
            assertThat(search.bySource(club.id(), new Source("fec", "20250101/OD-OD-1"))).isPresent();

            // the same file again changes nothing, before and after the treasurer validates the entries
            long audit = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
            FecImport.Report again = run(exported.path(), false);
            assertThat(again.ok()).as(keys(again).toString()).isTrue();
            assertThat(again.count(SyncOutcome.UNCHANGED)).isEqualTo(5);
            assertThat(again.accountsToCreate()).isEmpty();
            assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audit);
            ledger.freeze(imported.stream().map(Entry::id).toList());
            FecImport.Report afterFreeze = run(exported.path(), false);
            assertThat(afterFreeze.count(SyncOutcome.UNCHANGED)).isEqualTo(5);
            assertThat(entries(club)).hasSize(5);
        } finally {
            Files.deleteIfExists(exported.path());
        }
    }

    @Test
    void everyBadLineIsNamedAndNothingIsWritten() throws Exception {
        String before = snapshot(club);
        List<String> lines = new ArrayList<>(payment("1", "20250301", "10,00"));
        lines.add(line("BQ", "2", "20250302", "512", "Banque", "", "", "P2", "Trop court", "1,00", "0,00").replace("\t\t\t", "\t")); // line 4
        lines.add(line("BQ", "3", "20250230", "512", "Banque", "", "", "P3", "Date", "1,00", "0,00")); // line 5
        lines.add(line("BQ", "3", "20250230", "411", "Adhérents", "", "", "P3", "Date", "0,00", "1,00"));
        lines.add(line("BQ", "4", "20250303", "512", "Banque", "", "", "P4", "Montant", "1 000,00", "0,00")); // line 7
        lines.add(line("BQ", "4", "20250303", "411", "Adhérents", "", "", "P4", "Montant", "abc", "12,3,4"));
        lines.add(line("BQ", "5", "20250304", "512", "Banque", "", "", "P5", "Déséquilibre", "10,00", "0,00")); // line 9
        lines.add(line("BQ", "5", "20250304", "411", "Adhérents", "", "", "P5", "Déséquilibre", "0,00", "9,99"));
        lines.add(line("BQ", "", "20250304", "", "Banque", "", "", "P6", "Vide", "10,00", "0,00")); // line 11
        FecImport.Report r = run(fec(lines), true);
        assertThat(r.ok()).isFalse();
        assertThat(r.applied()).isFalse();
        assertThat(keys(r)).containsExactly("4:fields", "5:date", "6:date", "7:amount", "8:amount", "8:amount", "11:empty", "11:empty",
                "9:unbalanced");
        assertThat(r.problems()).filteredOn(p -> p.line() == 9).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("EcritureNum");
            assertThat(p.args()).containsExactly("5", "10,00", "9,99");
        });
        assertThat(r.problems()).filteredOn(p -> p.line() == 8).extracting(FecProblem::column).containsExactly("Debit", "Credit");
        assertThat(r.problems()).filteredOn(p -> p.line() == 11).extracting(FecProblem::column).containsExactly("EcritureNum", "CompteNum");
        assertThat(snapshot(club)).isEqualTo(before);
    }

    @Test
    void whatIsNotAFecIsRefusedFromItsFirstLine() throws Exception {
        assertThat(keys(run(file("empty.txt", StandardCharsets.UTF_8), true))).containsExactly("1:not.fec");
        Files.write(dir.resolve("zero.txt"), new byte[0]);
        assertThat(keys(run(dir.resolve("zero.txt"), true))).containsExactly("1:empty.file");
        assertThat(keys(run(file("csv.txt", StandardCharsets.UTF_8, HEADER.replace('\t', ';'), payment("1", "20250301", "1,00").get(0)
                .replace('\t', ';')), true))).containsExactly("1:separator");
        assertThat(keys(run(file("other.txt", StandardCharsets.UTF_8, "Date\tCompte\tLibellé\tA\tB\tC\tD\tE\tF\tG",
                "x\tx\tx\tx\tx\tx\tx\tx\tx\tx"), true))).containsExactly("1:header");
        FecImport.Report missing = run(file("missing.txt", StandardCharsets.UTF_8, HEADER.replace("EcritureDate", "DateEcriture")), true);
        assertThat(keys(missing)).containsExactly("1:header.missing");
        assertThat(missing.problems().get(0).args()).containsExactly("EcritureDate");
        assertThat(keys(run(fec(List.of()), true))).containsExactly("1:no.entries");
    }

    @Test
    void accountsMissingFromTheSectionAreCreatedOnlyWithConsent() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line("BQ", "1", "20250301", "51200000", "Banque", "", "", "P1", "Cotisation", "10,00", "0,00"));
        lines.add(line("BQ", "1", "20250301", "41100012", "Clients", "MARTIN", "Martin Paul", "P1", "Cotisation", "0,00", "10,00"));
        lines.add(line("BQ", "2", "20250302", "60611", "Avgas", "", "", "P2", "Plein", "50,00", "0,00"));
        lines.add(line("BQ", "2", "20250302", "512", "Banque", "", "", "P2", "Plein", "0,00", "50,00"));
        Path file = fec(lines);
        String before = snapshot(club);
        FecImport.Report refused = run(file, false);
        assertThat(keys(refused)).containsExactly("1:accounts.consent");
        assertThat(refused.problems().get(0).args().get(1).toString()).contains("41100012 MARTIN → 411 Martin Paul")
                .contains("60611 → 6061 Avgas");
        assertThat(snapshot(club)).isEqualTo(before);

        FecImport.Report done = run(file, true);
        assertThat(done.ok()).as(keys(done).toString()).isTrue();
        // 51200000 and 512 both go to the existing « 512 Banque »; the member account is named by CompAuxLib
        assertThat(done.accountsToCreate()).extracting(a -> a.code() + " " + a.label()).containsExactly("411 Martin Paul", "6061 Avgas");
        assertThat(trialBalance(club)).containsEntry("512 Banque", -4000L).containsEntry("411 Martin Paul", -1000L)
                .containsEntry("6061 Avgas", 5000L).hasSize(3);
    }

    @Test
    void anAccountNoChartCodeStartsIsNamed() throws Exception {
        List<String> lines = List.of(line("OD", "1", "20250301", "4967", "Autres comptes débiteurs", "", "", "P1", "X", "5,00", "0,00"),
                line("OD", "1", "20250301", "512", "Banque", "", "", "P1", "X", "0,00", "5,00"));
        FecImport.Report r = run(fec(lines), true);
        assertThat(keys(r)).containsExactly("2:account.chart");
        assertThat(r.problems().get(0).args()).containsExactly("4967");
    }

    @Test
    void entriesOutsideAnOpenFiscalYearAreNamed() throws Exception {
        List<String> lines = new ArrayList<>(payment("1", "20250301", "10,00"));
        lines.addAll(payment("2", "20240301", "10,00"));
        FecImport.Report r = run(fec(lines), true);
        assertThat(keys(r)).containsExactly("4:year.none");
        years.close(club.year().id());
        FecImport.Report closed = run(fec(payment("1", "20250301", "10,00")), true);
        assertThat(keys(closed)).containsExactly("2:year.closed");
        assertThat(entries(club)).isEmpty();
    }

    @Test
    void encodingsSeparatorsAndVariantsAllImport() throws Exception {
        Charset latin9 = FecCharset.ISO_8859_15;
        Path iso = file("iso.txt", latin9, HEADER, line("BQ", "1", "20250301", "512", "Banque", "", "", "P1", "Reçu 10 €", "10,00", "0,00"),
                line("BQ", "1", "20250301", "411", "Adhérents", "A1", "Léa Müller", "P1", "Reçu 10 €", "0,00", "10,00"));
        Path cp1252 = file("cp1252.txt", FecCharset.WINDOWS_1252, HEADER,
                line("BQ", "2", "20250302", "512", "Banque", "", "", "P2", "Cœur – don", "20,00", "0,00"),
                line("BQ", "2", "20250302", "411", "Adhérents", "A2", "Zoé Œuvre", "P2", "Cœur – don", "0,00", "20,00"));
        Path bom = dir.resolve("bom.txt");
        Files.write(bom, ("\uFEFF" + HEADER + "\n" + String.join("\n", payment("3", "20250303", "30.00")) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Path pipes = file("pipes.txt", StandardCharsets.UTF_8, HEADER.replace('\t', '|'),
                payment("4", "20250304", "40,00").get(0).replace('\t', '|'), payment("4", "20250304", "40,00").get(1).replace('\t', '|'));
        Path sens = file("sens.txt", StandardCharsets.UTF_8, HEADER.replace("Debit\tCredit", "Montant\tSens"),
                line("BQ", "5", "20250305", "512", "Banque", "", "", "P5", "Sens", "50,00", "D"),
                line("BQ", "5", "20250305", "706", "Prestations", "", "", "P5", "Sens", "50,00", "C"),
                line("BQ", "6", "20250305", "512", "Banque", "", "", "P6", "Sens", "1,00", "+1"),
                line("BQ", "6", "20250305", "706", "Prestations", "", "", "P6", "Sens", "1,00", "-1"));
        // no header line, as OpenFlyers documents its FEC export
        Path headless = file("headless.txt", StandardCharsets.UTF_8,
                "VEN|Journal des ventes|9574|20250701|411|411claratte|||56|20250701|Heures de vol|200,00|0,00|||20250702||",
                "VEN|Journal des ventes|9574|20250701|706|70611|||||Heures de vol|0,00|200,00|||20250702||");
        for (Path p : List.of(iso, cp1252, bom, pipes, sens, headless)) {
            FecImport.Report r = imports.importFile(club.id(), p, new FecImport.Options(true, true, Map.of(), false));
            assertThat(r.ok()).as(p + " " + r.problems()).isTrue();
        }
        assertThat(imports.importFile(club.id(), iso, FecImport.Options.of(true, true)).charset()).isEqualTo("ISO-8859-15");
        assertThat(imports.importFile(club.id(), cp1252, FecImport.Options.of(true, true)).charset()).isEqualTo("Windows-1252");
        assertThat(imports.importFile(club.id(), bom, FecImport.Options.of(true, true)).charset()).isEqualTo("UTF-8 (BOM)");
        assertThat(imports.importFile(club.id(), headless, FecImport.Options.of(true, true)).problems())
                .extracting(FecProblem::key).containsExactly("fec.import.header.none");
        Map<String, Long> tb = trialBalance(club);
        assertThat(tb).containsEntry("411 Léa Müller", -1000L).containsEntry("411 Zoé Œuvre", -2000L)
                .containsEntry("411 411claratte", 20000L).containsEntry("706 70611", -20000L)
                .containsEntry("512 Banque", 1000L + 2000L + 3000L + 4000L + 5000L + 100L)
                .containsEntry("706 Prestations", -5100L);
        assertThat(entries(club)).extracting(Entry::label).contains("Reçu 10 €", "Cœur – don", "Heures de vol");
        assertThat(journals.findByCode("VEN")).hasValueSatisfying(j -> assertThat(j.label()).isEqualTo("Journal des ventes"));
    }

    @Test
    void journalsAreMappedOrCreatedWithConsent() throws Exception {
        String code = "J" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        List<String> lines = List.of(line(code, "1", "20250301", "512", "Banque", "", "", "P1", "X", "5,00", "0,00"),
                line(code, "1", "20250301", "706", "Prestations", "", "", "P1", "X", "0,00", "5,00"),
                line("Deferral-1", "1", "20250301", "512", "Banque", "", "", "P1", "X", "5,00", "0,00"),
                line("Deferral-1", "1", "20250301", "706", "Prestations", "", "", "P1", "X", "0,00", "5,00"));
        Path file = fec(lines);
        FecImport.Report invalid = imports.importFile(club.id(), file, new FecImport.Options(true, true, Map.of(), false));
        assertThat(keys(invalid)).containsExactly("4:journal.invalid");
        FecImport.Report noConsent = imports.importFile(club.id(), file, new FecImport.Options(true, false, Map.of("Deferral-1", "an"), false));
        assertThat(keys(noConsent)).containsExactly("1:journals.consent");
        assertThat(journals.findByCode(code)).isEmpty();
        FecImport.Report unknownTarget = imports.importFile(club.id(), file, new FecImport.Options(true, true, Map.of("Deferral-1", "ZZZ9"), false));
        assertThat(keys(unknownTarget)).containsExactly("4:journal.map.unknown");
        FecImport.Report done = imports.importFile(club.id(), file, new FecImport.Options(true, true, Map.of("Deferral-1", "an"), false));
        assertThat(done.ok()).as(keys(done).toString()).isTrue();
        assertThat(done.journalsToCreate()).extracting(FecImport.NewJournal::code).containsExactly(code);
        assertThat(entries(club)).extracting(Entry::journalCode).containsExactlyInAnyOrder(code, "AN");
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndWritesNothing() throws Exception {
        List<String> lines = new ArrayList<>(payment("1", "20250301", "10,00"));
        lines.add(line("BQ", "2", "20250302", "512", "Banque", "", "", "P2", "Don", "5,00", "0,00"));
        lines.add(line("BQ", "2", "20250302", "7541", "Dons manuels", "", "", "P2", "Don", "0,00", "5,00"));
        lines.add(line("BQ", "2", "20250302", "6061", "Carburant", "", "", "P2", "Don", "0,00", "0,00"));
        Path file = fec(lines);
        String before = snapshot(club);
        FecImport.Report dry = imports.importFile(club.id(), file, FecImport.Options.of(false, true));
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.applied()).isFalse();
        assertThat(dry.count(SyncOutcome.CREATED)).isEqualTo(2);
        // 411 « Dupont Jean » is the section's own account: only the income account is missing
        assertThat(dry.accountsToCreate()).extracting(FecImport.NewAccount::code).containsExactly("7541");
        assertThat(keys(dry)).containsExactly("6:zero.lines", "1:accounts.consent");
        assertThat(snapshot(club)).isEqualTo(before);

        run(file, true);
        List<String> changed = new ArrayList<>(payment("1", "20250301", "12,00"));
        changed.addAll(lines.subList(2, 5));
        FecImport.Report again = imports.importFile(club.id(), fec(changed), FecImport.Options.of(false, true));
        assertThat(again.count(SyncOutcome.CHANGED)).isEqualTo(1);
        assertThat(again.count(SyncOutcome.UNCHANGED)).isEqualTo(1);
        assertThat(run(fec(changed), false).count(SyncOutcome.CHANGED)).isEqualTo(1);
        assertThat(trialBalance(club)).containsEntry("512 Banque", 1700L);
    }

    @Test
    void theLedgersOwnRulesStillApplyAndAreNamedByLine() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < org.envol.ledger.Limits.LINES_PER_ENTRY_MAX + 1; i++) {
            lines.add(line("OD", "1", "20250301", i % 2 == 0 ? "512" : "706", "X", "", "", "P1", "Beaucoup", i % 2 == 0 ? "1,00" : "0,00",
                    i % 2 == 0 ? "0,00" : "1,00"));
        }
        lines.add(line("OD", "1", "20250301", "706", "X", "", "", "P1", "Beaucoup", "0,00", "1,00"));
        FecImport.Report r = run(fec(lines), true);
        assertThat(keys(r)).containsExactly("2:ledger");
        assertThat(r.problems().get(0).args().get(0).toString()).contains("500");
        assertThat(entries(club)).isEmpty();
        assertThat(accounts.list(club.id())).extracting(Account::label).doesNotContain("X");
    }

    @Test
    void aFileLongerThanTheLimitIsRefused() throws Exception {
        Path file = fec(payment("1", "20250301", "1,00"));
        assertThat(imports.importFile(club.id(), file, FecImport.Options.of(true, false), 3).ok()).isTrue();
        FecImport.Report r = imports.importFile(club.id(), fec(List.of(payment("1", "20250301", "1,00").get(0),
                payment("1", "20250301", "1,00").get(1), payment("2", "20250301", "1,00").get(0))), FecImport.Options.of(true, false), 3);
        assertThat(keys(r)).containsExactly("4:lines.max");
    }

    <T> T as(String name, Supplier<T> work, String... authorities) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @Test
    void onlyTheSectionsTreasurerOrAnAdminImports() throws Exception {
        Path file = fec(payment("1", "20250301", "10,00"));
        Club other = books.club(2025);
        FecImport.Options options = FecImport.Options.of(true, false);
        for (String authority : List.of(Authorities.section(club.id(), Role.ACCOUNTANT), Authorities.section(club.id(), Role.MEMBER),
                Authorities.section(other.id(), Role.TREASURER))) {
            assertThatThrownBy(() -> as("someone", () -> imports.importFile(club.id(), file, options), authority))
                    .as(authority).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(entries(club)).isEmpty();
        FecImport.Report done = as("tresorier", () -> imports.importFile(club.id(), file, options),
                Authorities.section(club.id(), Role.TREASURER));
        assertThat(done.applied()).isTrue();
    }

    String[] command(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void theCommandImportsTriesAndRefusesWithAnExitCode() throws Exception {
        List<String> lines = new ArrayList<>(payment("1", "20250301", "10,00"));
        lines.add(line("BQ", "2", "20250302", "512", "Banque", "", "", "P2", "Don", "5,00", "0,00"));
        lines.add(line("BQ", "2", "20250302", "7541", "Dons manuels", "", "", "P2", "Don", "0,00", "5,00"));
        String file = fec(lines).toString();
        String section = club.section().code();

        String[] refused = command("import", "fec", file, "--section", section);
        assertThat(refused[0]).isEqualTo("1");
        assertThat(refused[1]).contains("FEC lu (UTF-8) : 5 lignes, 2 écritures, 4 lignes d’écriture.")
                .contains("Ligne 1 : erreur : il manque 1 compte(s) dans la section : 7541 → 7541 Dons manuels");
        assertThat(refused[2]).contains("Import refusé, rien n’a été enregistré : 1 erreur(s).");

        String[] dry = command("import", "fec", file, "--section", section, "--create-accounts", "--dry-run");
        assertThat(dry[0]).isEqualTo("0");
        assertThat(dry[1]).contains("À créer : 0 journal(aux), 1 compte(s).").contains("- compte 7541 Dons manuels ← 7541")
                .contains("Écritures : 2 nouvelle(s), 0 déjà importée(s)").contains("Essai seulement (--dry-run) : rien n’a été enregistré.");
        assertThat(entries(club)).isEmpty();

        String[] done = command("import", "fec", file, "--section", section, "--create-accounts");
        assertThat(done[0]).as(done[2]).isEqualTo("0");
        assertThat(done[1]).contains("Import terminé");
        assertThat(entries(club)).hasSize(2).allSatisfy(e -> assertThat(e.createdBy()).startsWith("cli:"));

        assertThat(command("import", "fec", file, "--section", section)[1]).contains("Rien à faire : ce fichier a déjà été importé à l’identique.");
        String[] noSection = command("import", "fec", file, "--section", "NOPE");
        assertThat(noSection[0]).isEqualTo("1");
        assertThat(noSection[2]).contains("Section inconnue : NOPE");
        String[] noFile = command("import", "fec", dir.resolve("absent.txt").toString(), "--section", section);
        assertThat(noFile[0]).isEqualTo("1");
        assertThat(noFile[2]).contains("absent.txt");
    }

    @PostgresTest
    static class OnPostgres extends FecImportTest {
    }
}
