package org.envol.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envol.members.Acting.accountant;
import static org.envol.members.Acting.as;
import static org.envol.members.Acting.treasurer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.envol.ledger.AccountService;
import org.envol.members.MemberImport.Outcome;
import org.envol.members.MemberImport.Report;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Member lists from CSV: every kind of bad input reported by line, all or nothing, and a re-import that changes nothing. */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class MemberImportTest {

    static final String HEADER = "nom;prenom;email;date_naissance;sections;payeur\n";

    @Autowired
    MemberImport importer;
    @Autowired
    MemberService members;
    @Autowired
    AccountService accounts;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;

    Club glider;
    Club plane;
    /** Makes this test's e-mails its own: tests share the database. */
    String tag;

    @BeforeEach
    void setUp() {
        glider = books.club(2025);
        plane = books.club(2025);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    String mail(String name) {
        return name + "." + tag + "@exemple.fr";
    }

    /** Jean (parent) and Léo (child, two sections, paid by Jean, no e-mail). */
    String family() {
        return HEADER
                + "Dupont;Jean;" + mail("jean") + ";12/03/1975;" + glider.section().code() + ";\n"
                + "Dupont" + tag + ";Léo;;2010-09-05;" + glider.section().code() + "," + plane.section().code() + ";" + mail("jean") + "\n";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    Report run(String text) {
        return importer.run(utf8(text), false);
    }

    long memberEvents() {
        return jdbc.sql("select count(*) from audit_event where object_type in ('member', 'account')").query(Long.class).single();
    }

    long memberCount() {
        return jdbc.sql("select count(*) from member").query(Long.class).single();
    }

    static List<String> problems(Report r) {
        return r.problems().stream().map(p -> p.line() + " " + p.problem().rule()).toList();
    }

    @Test
    void importsMembersWithTheirSectionsAccountsAndPayer() {
        Report report = run(family());
        assertThat(report.ok()).isTrue();
        assertThat(report.written()).isTrue();
        assertThat(report.lines()).extracting(MemberImport.Line::line, MemberImport.Line::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Outcome.CREATE), org.assertj.core.groups.Tuple.tuple(3, Outcome.CREATE));
        Member jean = members.findByEmail(mail("jean")).orElseThrow();
        assertThat(jean.birthDate()).isEqualTo(LocalDate.of(1975, 3, 12));
        MemberService.Details leo = members.get(members.get(jean.id()).payees().get(0).id());
        assertThat(leo.member().firstName()).isEqualTo("Léo");
        assertThat(leo.member().birthDate()).isEqualTo(LocalDate.of(2010, 9, 5));
        assertThat(leo.payer().id()).isEqualTo(jean.id());
        assertThat(leo.stays()).extracting(s -> s.section().id()).containsExactlyInAnyOrder(glider.id(), plane.id());
        assertThat(leo.stays()).allSatisfy(s -> assertThat(s.account().label()).isEqualTo("DUPONT" + tag.toUpperCase() + " Léo"));
        // the section's books already had an unowned account « Dupont Jean »: Jean takes it over
        assertThat(members.get(jean.id()).stays()).singleElement().satisfies(s -> assertThat(s.account()).isEqualTo(glider.member()));
    }

    @Test
    void importingTheSameFileAgainChangesNothingWhateverItsEncodingOrSeparator() {
        run(family());
        long events = memberEvents();
        long count = memberCount();
        String comma = family().replace(";", ",").replaceAll(",([A-Z0-9]+,[A-Z0-9]+),", ",\"$1\",");
        for (byte[] again : List.of(utf8(family()), bom(family()), family().getBytes(Charset.forName("windows-1252")), utf8(comma),
                utf8(family().replace("\n", "\r\n")))) {
            Report report = importer.run(again, false);
            assertThat(problems(report)).isEmpty();
            assertThat(report.lines()).extracting(MemberImport.Line::outcome).containsOnly(Outcome.UNCHANGED);
        }
        assertThat(memberEvents()).isEqualTo(events);
        assertThat(memberCount()).isEqualTo(count);
    }

    @Test
    void tellsWhichEncodingAndSeparatorItRead() {
        assertThat(importer.run(utf8(family()), true)).extracting(Report::encoding, Report::separator).containsExactly("UTF-8", ';');
        assertThat(importer.run(bom(family()), true).encoding()).isEqualTo("UTF-8 (BOM)");
        Report latin = importer.run(family().getBytes(Charset.forName("windows-1252")), true);
        assertThat(latin.encoding()).isEqualTo("Windows-1252");
        assertThat(latin.lines().get(1).name()).endsWith(" Léo");
        Report comma = importer.run(utf8(family().replace(";", ",").replaceAll(",([A-Z0-9]+,[A-Z0-9]+),", ",\"$1\",")), true);
        assertThat(comma.separator()).isEqualTo(',');
        assertThat(comma.ok()).isTrue();
    }

    static byte[] bom(String text) {
        byte[] body = utf8(text);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndNothingIsWritten() {
        String g = glider.section().code();
        long count = memberCount();
        long events = memberEvents();
        Report report = run(HEADER
                + "Bon;Premier;" + mail("bon") + ";01/01/1990;" + g + ";\n"
                + "Martin;Paul;" + mail("paul") + ";01/01/1990;INCONNUE" + tag + ";\n"
                + "Petit;Zoé;" + mail("zoe") + ";31/02/2001;" + g + ";\n"
                + "\n"
                + "Durand;Luc;luc-sans-arobase;01/01/1990;" + g + ";\n"
                + "Bon;Premier;" + mail("bon") + ";01/01/1990;" + g + ";\n"
                + "Roux;Emma;" + mail("emma") + ";01/01/2000;" + g + ";" + mail("personne") + "\n"
                + ";Sans;" + mail("sans") + ";01/01/1990;" + g + ";\n"
                + "Leroy;Anne;;;" + g + ";\n"
                + "Moi;Même;" + mail("moi") + ";01/01/1990;" + g + ";" + mail("moi") + "\n"
                + "Aucune;Section;" + mail("aucune") + ";01/01/1990;;\n"
                + "Futur;Bébé;;01/01/2999;" + g + ";\n");
        assertThat(problems(report)).containsExactly(
                "3 SECTION_UNKNOWN", "4 BIRTH_DATE_INVALID", "6 EMAIL_INVALID", "7 DUPLICATE_IN_FILE", "8 PAYER_UNKNOWN",
                "9 LAST_NAME_MISSING", "10 IDENTITY_MISSING", "11 PAYER_SELF", "12 NO_SECTION", "13 BIRTH_DATE_OUT_OF_RANGE");
        assertThat(report.problems().get(3).problem().args()).containsExactly(2);
        assertThat(report.written()).isFalse();
        assertThat(memberCount()).isEqualTo(count);
        assertThat(memberEvents()).isEqualTo(events);
    }

    @Test
    void aPayerLoopIsRefusedWhetherItRunsThroughTheFileOrTheBooks() {
        String g = glider.section().code();
        Report inFile = run(HEADER
                + "Un;A;" + mail("a") + ";01/01/1990;" + g + ";" + mail("b") + "\n"
                + "Deux;B;" + mail("b") + ";01/01/1990;" + g + ";" + mail("a") + "\n");
        assertThat(problems(inFile)).containsExactly("2 PAYER_CYCLE", "3 PAYER_CYCLE");
        assertThat(inFile.problems().get(0).problem().args()).containsExactly("UN A → DEUX B → UN A");
        Member a = members.create(new MemberData("Trois", "A", mail("c"), null, null), List.of(glider.id()), null);
        members.create(new MemberData("Quatre", "B", mail("d"), null, a.id()), List.of(glider.id()), null);
        Report throughBooks = run(HEADER + "Trois;A;" + mail("c") + ";;;" + mail("d") + "\n");
        assertThat(problems(throughBooks)).containsExactly("2 PAYER_CYCLE");
    }

    @Test
    void payersThatChangeTogetherAreWrittenWithoutAFalseLoop() {
        String g = glider.section().code();
        Member a = members.create(new MemberData("Parent", "A", mail("pa"), null, null), List.of(glider.id()), null);
        Member b = members.create(new MemberData("Enfant", "B", mail("eb"), null, a.id()), List.of(glider.id()), null);
        // now A is paid by B, and B by a new member C: A → B → C, no loop once the file is in
        Report report = run(HEADER
                + "Parent;A;" + mail("pa") + ";;;" + mail("eb") + "\n"
                + "Enfant;B;" + mail("eb") + ";;;" + mail("nc") + "\n"
                + "Nouveau;C;" + mail("nc") + ";;" + g + ";\n");
        assertThat(problems(report)).isEmpty();
        assertThat(report.lines()).extracting(MemberImport.Line::outcome).containsExactly(Outcome.UPDATE, Outcome.UPDATE, Outcome.CREATE);
        assertThat(report.lines().get(0).changes()).containsExactly("payer");
        Member c = members.findByEmail(mail("nc")).orElseThrow();
        assertThat(members.get(a.id()).member().payerId()).isEqualTo(b.id());
        assertThat(members.get(b.id()).member().payerId()).isEqualTo(c.id());
    }

    @Test
    void aKnownMemberIsUpdatedAndJoinsTheNewSectionsAndAnEmptyCellErasesNothing() {
        Member m = members.create(new MemberData("Connu", "Paul", mail("connu"), LocalDate.of(1980, 1, 1), null), List.of(glider.id()), null);
        Report report = run(HEADER + "Connu;Paul;" + mail("connu").toUpperCase() + ";02/01/1980;" + glider.section().code() + ","
                + plane.section().code() + ";\n");
        assertThat(report.lines()).singleElement().satisfies(l -> {
            assertThat(l.outcome()).isEqualTo(Outcome.UPDATE);
            assertThat(l.changes()).containsExactly("birthDate");
            assertThat(l.joins()).containsExactly(plane.section().code());
        });
        MemberService.Details after = members.get(m.id());
        assertThat(after.member().birthDate()).isEqualTo(LocalDate.of(1980, 1, 2));
        assertThat(after.activeSectionIds()).containsExactlyInAnyOrder(glider.id(), plane.id());
        Report empty = run("nom;prenom;email;date_naissance\nConnu;Paul;" + mail("connu") + ";\n");
        assertThat(empty.lines()).extracting(MemberImport.Line::outcome).containsExactly(Outcome.UNCHANGED);
        assertThat(members.get(m.id()).member().birthDate()).isEqualTo(LocalDate.of(1980, 1, 2));
    }

    @Test
    void withoutAnEmailTheNameAndBirthDateFindTheMember() {
        String name = "Sansmail" + tag;
        Member m = members.create(new MemberData(name, "Lou", null, LocalDate.of(2012, 6, 1), null), List.of(glider.id()), null);
        Report report = run(HEADER + name.toUpperCase() + ";lou;;01/06/2012;" + plane.section().code() + ";\n");
        assertThat(report.lines()).singleElement().satisfies(l -> assertThat(l.outcome()).isEqualTo(Outcome.UPDATE));
        assertThat(members.get(m.id()).activeSectionIds()).contains(plane.id());
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndWritesNothing() {
        long count = memberCount();
        Report report = importer.run(utf8(family()), true);
        assertThat(report.ok()).isTrue();
        assertThat(report.written()).isFalse();
        assertThat(report.count(Outcome.CREATE)).isEqualTo(2);
        assertThat(memberCount()).isEqualTo(count);
    }

    @Test
    void theHeaderNamesKnownColumnsOnceWithTheNamesThere() {
        assertThat(problems(run("nom;prenom;age\nA;B;3\n"))).containsExactly("1 COLUMN_UNKNOWN");
        assertThat(problems(run("nom;email\nA;a@b.fr\n"))).containsExactly("1 COLUMN_MISSING");
        assertThat(problems(run("Nom;Prénom;E-mail;e-mail\nA;B;a@b.fr;a@b.fr\n"))).containsExactly("1 COLUMN_TWICE");
        assertThat(problems(run(""))).containsExactly("0 FILE_EMPTY");
        assertThat(problems(run("\n;;;\n"))).containsExactly("0 FILE_EMPTY");
        // accents, case and spaces do not matter in the header, nor the columns' order
        String g = glider.section().code();
        assertThat(problems(importer.run(utf8("Section;E-Mail;Prénom;NOM;Date de naissance\n" + g + ";" + mail("ordre") + ";Jo;Ordre;\n"), true)))
                .isEmpty();
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsOrAnOpenQuoteIsReported() {
        String g = glider.section().code();
        assertThat(problems(run(HEADER + "A;B;" + mail("x") + ";01/01/1990;" + g + "\n"))).containsExactly("2 FIELD_COUNT");
        assertThat(problems(run(HEADER + "A;B;" + mail("y") + ";01/01/1990;" + g + ";\n" + "C;\"D;" + mail("z") + ";;" + g + ";\n")))
                .containsExactly("3 FILE_MALFORMED");
    }

    @Test
    void theNumberOfLinesAndTheSizeAreLimited() {
        String g = glider.section().code();
        StringBuilder atLimit = new StringBuilder(HEADER);
        for (int i = 0; i < MemberLimits.IMPORT_ROWS_MAX; i++) {
            atLimit.append("Nom").append(i).append(";P;").append(mail("n" + i)).append(";;").append(g).append(";\n");
        }
        assertThat(importer.run(utf8(atLimit.toString()), true).ok()).isTrue();
        atLimit.append("Un;DeTrop;").append(mail("trop")).append(";;").append(g).append(";\n");
        assertThat(problems(importer.run(utf8(atLimit.toString()), true))).containsExactly((MemberLimits.IMPORT_ROWS_MAX + 2) + " TOO_MANY_ROWS");
        assertThat(problems(importer.run(new byte[MemberLimits.IMPORT_BYTES_MAX + 1], true))).containsExactly("0 FILE_TOO_BIG");
    }

    @Test
    void aTreasurerImportsIntoHisSectionsOnlyAndAnAccountantNot() {
        String text = HEADER + "Ailleurs;Max;" + mail("max") + ";;" + plane.section().code() + ";\n";
        Report report = as("tresorier", treasurer(glider.id()), () -> importer.run(utf8(text), false));
        assertThat(problems(report)).containsExactly("2 SECTION_NOT_MANAGED");
        assertThat(members.findByEmail(mail("max"))).isEmpty();
        assertThatThrownBy(() -> as("verificateur", accountant(glider.id()), () -> importer.run(utf8(text), true)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTreasurerCannotChangeAMemberOfAnotherSectionThroughTheFile() {
        Member there = members.create(new MemberData("Autre", "Section", mail("autre"), LocalDate.of(1990, 1, 1), null),
                List.of(plane.id()), null);
        Report report = as("tresorier", treasurer(glider.id()), () -> run(HEADER + "Autre;Section;" + mail("autre") + ";02/01/1990;;\n"));
        assertThat(problems(report)).containsExactly("2 MEMBER_NOT_MANAGED");
        assertThat(members.get(there.id()).member().birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @PostgresTest
    static class OnPostgres extends MemberImportTest {
    }
}
