package org.envol.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.envol.ledger.AccountService;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.Books;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** The members pages: list with balances and flags, member page, form, joining and leaving, login, CSV import. */
class MembersPagesTest extends PageTestSupport {

    @Autowired
    MemberService members;
    @Autowired
    AccountService accounts;
    @Autowired
    MemberMessages messages;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    Member member(Books.Club club, String lastName) {
        return SystemActor.run("test", () -> members.create(new MemberData(lastName, "Jean", lastName.toLowerCase() + "@exemple.fr",
                LocalDate.of(1980, 1, 1), null), List.of(club.id()), LocalDate.now().withDayOfYear(1)));
    }

    long account(Member m) {
        return SystemActor.run("test", () -> members.get(m.id()).stays().get(0).account().id());
    }

    @Test
    void theListShowsTheSectionsMembersWithTheirBalanceAndFlagsWhoLeftOwingOrOwed() throws Exception {
        Books.Club club = club();
        Member flying = member(club, unique("Vole"));
        Member gone = member(club, unique("Parti"));
        Member settled = member(club, unique("Solde"));
        posted(club.draft(LocalDate.now(), "Vol", accounts(gone), club.income(), 5_000));
        SystemActor.run("test", () -> {
            members.leave(gone.id(), LocalDate.now());
            members.leave(settled.id(), LocalDate.now());
        });
        String page = text(mvc.perform(get("/members").with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains(flying.display(), gone.display()).doesNotContain(settled.display())
                .contains("solde non nul : 50,00 €").contains("href=\"/members/new\"").contains("href=\"/members/import\"")
                .contains("href=\"/accounts/" + account(gone) + "\"");
        assertThat(text(mvc.perform(get("/members").param("all", "true").with(treasurer(club))).andReturn())).contains(settled.display());
        assertThat(text(mvc.perform(get("/members").param("q", flying.lastName().toLowerCase()).with(treasurer(club))).andReturn()))
                .contains(flying.display()).doesNotContain(gone.display());
    }

    org.envol.ledger.Account accounts(Member m) {
        return SystemActor.run("test", () -> accounts.get(account(m)));
    }

    @Test
    void anAccountantReadsTheListWithoutActionsAndAMemberMayNot() throws Exception {
        Books.Club club = club();
        Member m = member(club, unique("Lu"));
        String page = text(mvc.perform(get("/members").with(accountant(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains(m.display()).doesNotContain("href=\"/members/new\"");
        assertThat(text(mvc.perform(get("/members/" + m.id()).with(accountant(club))).andExpect(status().isOk()).andReturn()))
                .doesNotContain("/members/" + m.id() + "/edit").doesNotContain("action=\"/members/" + m.id() + "/leave\"");
        mvc.perform(post("/members/" + m.id() + "/leave").with(csrf()).with(accountant(club))).andExpect(status().isForbidden());
        mvc.perform(get("/members").with(AsUser.member(club.id(), account(m)))).andExpect(status().isForbidden());
    }

    @Test
    void theMenuLinksToTheMembersForThoseWhoReadTheBooks() throws Exception {
        Books.Club club = club();
        assertThat(text(mvc.perform(get("/").with(accountant(club))).andReturn())).contains("href=\"/members\"");
        assertThat(text(mvc.perform(get("/").with(AsUser.member(club.id()))).andReturn())).doesNotContain("href=\"/members\"");
    }

    @Test
    void aTreasurerCreatesAMemberWhoGetsHisAccount() throws Exception {
        Books.Club club = club();
        String name = unique("Nouveau");
        MvcResult done = mvc.perform(post("/members").param("lastName", name).param("firstName", "Léa").param("email", "")
                .param("birthDate", "2005-04-03").param("sectionIds", Long.toString(club.id())).with(csrf()).with(treasurer(club)))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = redirectId(done);
        assertThat(done.getFlashMap().get("notice")).isEqualTo(name.toUpperCase() + " Léa : membre enregistré.");
        String page = text(mvc.perform(get("/members/" + id).with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("411 " + name.toUpperCase() + " Léa").contains("03/04/2005").contains("Créer son identifiant");
    }

    @Test
    void aRefusedFormComesBackWithWhatWasTypedAndTheReasons() throws Exception {
        Books.Club club = club();
        String page = text(mvc.perform(post("/members").param("lastName", "").param("firstName", "Typé").param("email", "pas-une-adresse")
                .param("sectionIds", Long.toString(club.id())).with(csrf()).with(treasurer(club)))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Le nom est obligatoire.").contains("Adresse e-mail « pas-une-adresse » invalide")
                .contains("value=\"Typé\"");
    }

    @Test
    void aMemberLeavesAndTheAccountCannotBeClosedUntilRefunded() throws Exception {
        Books.Club club = club();
        Member m = member(club, unique("Depart"));
        var account = accounts(m);
        posted(club.draft(LocalDate.now(), "Avance", club.bank(), account, 7_500));
        mvc.perform(post("/members/" + m.id() + "/leave").param("date", LocalDate.now().toString()).with(csrf()).with(treasurer(club)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/members/" + m.id()));
        String page = text(mvc.perform(get("/members/" + m.id()).with(treasurer(club))).andReturn());
        assertThat(page).contains("solde non nul : -75,00 €").contains("à rembourser (ou à recouvrer) avant de fermer le compte")
                .doesNotContain("/accounts/" + account.id() + "/close");
        mvc.perform(post("/members/" + m.id() + "/accounts/" + account.id() + "/close").with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/members/" + m.id()))
                .andExpect(flash().attribute("problems", List.of("Le compte " + account.display()
                        + " a un solde de -75,00 € : remboursez (ou recouvrez) d’abord ce solde, puis fermez le compte.")));
        posted(club.draft(LocalDate.now(), "Remboursement", account, club.bank(), 7_500));
        assertThat(text(mvc.perform(get("/members/" + m.id()).with(treasurer(club))).andReturn()))
                .doesNotContain("solde non nul").contains("/members/" + m.id() + "/accounts/" + account.id() + "/close");
        mvc.perform(post("/members/" + m.id() + "/accounts/" + account.id() + "/close").with(csrf()).with(treasurer(club)))
                .andExpect(flash().attribute("notice", "Compte " + account.display() + " fermé."));
    }

    @Test
    void aMemberJoinsAndLeavesASection() throws Exception {
        Books.Club club = club();
        Books.Club other = club();
        Member m = member(club, unique("Bi"));
        var both = AsUser.with("tresorier", "SECTION_" + club.id() + "_TREASURER", "SECTION_" + other.id() + "_TREASURER");
        mvc.perform(post("/members/" + m.id() + "/join").param("sectionId", Long.toString(other.id())).with(csrf()).with(both))
                .andExpect(flash().attribute("notice", "Le membre vole désormais dans la section " + other.section().name() + "."));
        assertThat(SystemActor.run("test", () -> members.get(m.id()).activeSectionIds())).containsExactlyInAnyOrder(club.id(), other.id());
        mvc.perform(post("/members/" + m.id() + "/sections/" + other.id() + "/leave").with(csrf()).with(both))
                .andExpect(redirectedUrl("/members/" + m.id()));
        assertThat(SystemActor.run("test", () -> members.get(m.id()).activeSectionIds())).containsExactly(club.id());
        // the treasurer of one section only may not make the member join the other, nor leave the club from both
        mvc.perform(post("/members/" + m.id() + "/join").param("sectionId", Long.toString(other.id())).with(csrf()).with(both));
        assertThat(text(mvc.perform(get("/members/" + m.id()).with(treasurer(club))).andReturn()))
                .doesNotContain("action=\"/members/" + m.id() + "/leave\"").contains("/members/" + m.id() + "/sections/" + club.id() + "/leave");
        mvc.perform(post("/members/" + m.id() + "/leave").with(csrf()).with(treasurer(club))).andExpect(status().isForbidden());
        mvc.perform(post("/members/" + m.id() + "/sections/" + other.id() + "/leave").with(csrf()).with(treasurer(club)))
                .andExpect(status().isForbidden());
        assertThat(text(mvc.perform(get("/members/" + m.id()).with(both)).andReturn())).contains("action=\"/members/" + m.id() + "/leave\"");
    }

    @Test
    void theGeneratedPasswordIsShownOnceAndTheMemberThenSeesOnlyHimself() throws Exception {
        Books.Club club = club();
        Member m = member(club, unique("Login"));
        Member other = member(club, unique("Autre"));
        MvcResult created = mvc.perform(post("/members/" + m.id() + "/login").param("username", "").with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/members/" + m.id())).andReturn();
        String password = (String) created.getFlashMap().get("initialPassword");
        assertThat(password).hasSize(MemberLimits.GENERATED_PASSWORD_LENGTH);
        String once = text(mvc.perform(get("/members/" + m.id()).flashAttrs(created.getFlashMap()).with(treasurer(club))).andReturn());
        assertThat(once).contains(password).contains("affiché une seule fois");
        String later = text(mvc.perform(get("/members/" + m.id()).with(treasurer(club))).andReturn());
        assertThat(later).doesNotContain(password).contains("Identifiant : " + m.email());
        var self = AsUser.with(m.email(), "SECTION_" + club.id() + "_MEMBER", "ACCOUNT_" + account(m));
        assertThat(text(mvc.perform(get("/members/" + m.id()).with(self)).andExpect(status().isOk()).andReturn()))
                .contains(m.display()).doesNotContain("Créer son identifiant");
        mvc.perform(get("/members/" + other.id()).with(self)).andExpect(status().isForbidden());
        // a treasurer cannot choose the password; a username is one user's
        mvc.perform(post("/members/" + other.id() + "/login").param("password", "choisi-par-moi").with(csrf()).with(treasurer(club)))
                .andExpect(flash().attribute("problems", List.of("Seul un administrateur choisit le mot de passe ; laissez-le vide pour qu’il soit généré.")));
        mvc.perform(post("/members/" + other.id() + "/login").param("username", m.email()).with(csrf()).with(treasurer(club)))
                .andExpect(redirectedUrl("/members/" + other.id()))
                .andExpect(flash().attribute("problems", List.of(messages.get("security.rejection.USERNAME_TAKEN", m.email()))));
    }

    @Test
    void anUnknownMemberIsNotFound() throws Exception {
        Books.Club club = club();
        mvc.perform(get("/members/" + Long.MAX_VALUE).with(treasurer(club))).andExpect(status().isNotFound());
    }

    String csv(Books.Club club, String tag) {
        return "nom;prenom;email;date_naissance;sections;payeur\n"
                + "Import;Ana;ana." + tag + "@exemple.fr;01/02/1990;" + club.section().code() + ";\n";
    }

    @Test
    void anImportIsPreviewedThenConfirmed() throws Exception {
        Books.Club club = club();
        String tag = unique("t");
        MockHttpSession session = new MockHttpSession();
        MockMultipartFile file = new MockMultipartFile("file", "membres.csv", "text/csv", csv(club, tag).getBytes(StandardCharsets.UTF_8));
        String preview = text(mvc.perform(multipart("/members/import").file(file).param("preview", "true").session(session)
                .with(csrf()).with(treasurer(club))).andExpect(status().isOk()).andReturn());
        assertThat(preview).contains("Aperçu : membres.csv (rien n’est encore enregistré)").contains("1 nouveau(x), 0 modifié(s), 0 inchangé(s).")
                .contains("IMPORT Ana").contains("Importer ce fichier");
        assertThat(SystemActor.run("test", () -> members.findByEmail("ana." + tag + "@exemple.fr"))).isEmpty();
        String sha = MemberImportController.sha256(csv(club, tag).getBytes(StandardCharsets.UTF_8));
        String done = text(mvc.perform(post("/members/import/confirm").param("sha256", sha).session(session).with(csrf()).with(treasurer(club)))
                .andExpect(status().isOk()).andReturn());
        assertThat(done).contains("Import terminé : 1 nouveau(x), 0 modifié(s), 0 inchangé(s).");
        assertThat(SystemActor.run("test", () -> members.findByEmail("ana." + tag + "@exemple.fr"))).isPresent();
        // the confirmation is used once
        assertThat(text(mvc.perform(post("/members/import/confirm").param("sha256", sha).session(session).with(csrf()).with(treasurer(club)))
                .andReturn())).contains("L’aperçu a expiré");
    }

    @Test
    void aRefusedImportListsEveryProblemByLine() throws Exception {
        Books.Club club = club();
        String text = "nom;prenom;email;date_naissance;sections;payeur\n"
                + "Bon;Un;bon." + unique("x") + "@exemple.fr;01/01/1990;" + club.section().code() + ";\n"
                + "Mauvais;Deux;;32/01/1990;NULLEPART;\n";
        MockMultipartFile file = new MockMultipartFile("file", "liste.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
        String page = text(mvc.perform(multipart("/members/import").file(file).param("preview", "false").with(csrf()).with(treasurer(club)))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Refusé : liste.csv (rien n’est enregistré)")
                .contains("Ligne 3 : Date de naissance « 32/01/1990 » invalide")
                .contains("Ligne 3 : Section inconnue : NULLEPART.")
                .doesNotContain("Importer ce fichier");
    }

    @Test
    void thePagesSpeakEnglish() throws Exception {
        Books.Club club = club();
        Member m = member(club, unique("English"));
        assertThat(text(mvc.perform(get("/members").param("lang", "en").with(treasurer(club))).andReturn()))
                .contains("Members · " + club.section().name()).contains("New member");
        assertThat(text(mvc.perform(get("/members/" + m.id()).param("lang", "en").with(treasurer(club))).andReturn()))
                .contains("Create the login").contains("Leaving the club");
        assertThat(text(mvc.perform(get("/members/import").param("lang", "en").with(treasurer(club))).andReturn()))
                .contains("Import a members list");
    }
}
